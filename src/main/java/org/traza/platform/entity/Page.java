package org.traza.platform.entity;

import java.util.List;

/**
 * One page of a listing. {@code nextCursor} is passed back as {@code cursor} for the next page and
 * is null on the last one; {@code total} is given where counting is cheap, else null.
 */
public record Page<T>(List<T> items, String nextCursor, Long total) {}
