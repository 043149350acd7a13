package org.traza.scanner.decode;

/** A position in the submitted image, in pixels from its top-left corner. */
public record Point(double x, double y) {}
