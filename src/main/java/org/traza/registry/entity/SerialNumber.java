package org.traza.registry.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.validation.constraints.Size;
import java.util.Objects;
import org.traza.platform.entity.ProblemException;
import org.traza.scanner.payload.SerialNumbers;

/**
 * A serial number as marked on the weapon, and its normalised form (upper case, no spaces or
 * dashes) that uniqueness and search use. Equal when the normalised forms are equal.
 */
@Embeddable
public class SerialNumber {

  public static final int MAX_LENGTH = SerialNumbers.MAX_LENGTH;

  @Column(name = "serial_number", nullable = false, length = 80)
  @Size(max = 80)
  private String asMarked;

  @Column(name = "serial_normalized", nullable = false, length = MAX_LENGTH)
  @Size(max = MAX_LENGTH)
  private String normalized;

  /** The normalised serial with confusables folded, for tolerant trace matching. */
  @Column(name = "serial_skeleton", length = MAX_LENGTH)
  @Size(max = MAX_LENGTH)
  private String skeleton;

  /** The skeleton reversed: an index on it finds serials by their known suffix. */
  @Column(name = "serial_skeleton_reversed", length = MAX_LENGTH)
  @Size(max = MAX_LENGTH)
  private String skeletonReversed;

  protected SerialNumber() {}

  private SerialNumber(String asMarked, String normalized) {
    this.asMarked = asMarked;
    this.normalized = normalized;
    this.skeleton = SerialNumbers.skeleton(normalized);
    this.skeletonReversed = new StringBuilder(skeleton).reverse().toString();
  }

  /** The serial as marked; a validation problem on {@code serialNumber} when unusable. */
  public static SerialNumber of(String asMarked) {
    if (asMarked == null || asMarked.isBlank() || asMarked.strip().length() > 80) {
      throw ProblemException.invalid("serialNumber", "required, at most 80 characters as marked");
    }
    String normal =
        SerialNumbers.normalise(asMarked)
            .orElseThrow(
                () ->
                    ProblemException.invalid(
                        "serialNumber",
                        "use letters, digits, '.', '/', spaces and dashes; at most "
                            + MAX_LENGTH
                            + " characters once spaces and dashes are removed"));
    return new SerialNumber(asMarked.strip(), normal);
  }

  public String asMarked() {
    return asMarked;
  }

  public String normalized() {
    return normalized;
  }

  public String skeleton() {
    return skeleton != null ? skeleton : SerialNumbers.skeleton(normalized);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SerialNumber other && normalized.equals(other.normalized);
  }

  @Override
  public int hashCode() {
    return Objects.hash(normalized);
  }

  @Override
  public String toString() {
    return asMarked;
  }
}
