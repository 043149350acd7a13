package org.traza.registry.boundary;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.traza.platform.entity.ProblemException;
import org.traza.registry.control.ReferenceData;
import org.traza.registry.entity.Calibre;
import org.traza.registry.entity.Codes;
import org.traza.registry.entity.Confidentiality;
import org.traza.registry.entity.CountryCodes;
import org.traza.registry.entity.Firearm;
import org.traza.registry.entity.FirearmMarking;
import org.traza.registry.entity.FirearmType;
import org.traza.registry.entity.Make;
import org.traza.registry.entity.MarkingKind;
import org.traza.registry.entity.MarkingLocation;
import org.traza.registry.entity.MarkingMethod;
import org.traza.registry.entity.Provenance;
import org.traza.registry.entity.SerialNumber;

/** Request bodies for the firearm registry and their translation into the domain. */
public final class FirearmRequests {

  private FirearmRequests() {}

  /** A firearm to register. Reference data by code; enumerations by name. */
  public static class Registration {
    @NotBlank
    @Size(max = 40)
    public String type;

    @NotBlank
    @Size(max = 40)
    public String make;

    @NotBlank
    @Size(max = Firearm.MODEL_MAX)
    public String model;

    @NotBlank
    @Size(max = 40)
    public String calibre;

    @NotBlank
    @Size(max = 80)
    public String serialNumber;

    @Size(max = 2)
    public String manufactureCountry;

    public Integer manufactureYear;

    @NotBlank
    @Size(max = 40)
    public String provenance;

    @Size(max = Firearm.NAME_MAX)
    public String importerName;

    @Size(max = Firearm.ADDRESS_MAX)
    public String importerAddress;

    @Size(max = 2)
    public String importCountry;

    public Integer importYear;

    @Size(max = Firearm.NAME_MAX)
    public String owningAgency;

    @Size(max = Firearm.NAME_MAX)
    public String originator;

    @Size(max = 40)
    public String confidentiality;

    @Size(max = Firearm.ADDRESS_MAX)
    public String useRestrictions;

    @Size(max = Firearm.NOTES_MAX)
    public String notes;

    @Valid public List<Marking> markings;

    Firearm.Description toDescription(ReferenceData reference, String defaultOriginator) {
      return new Firearm.Description(
          reference.require(FirearmType.class, "type", type),
          reference.require(Make.class, "make", make),
          model,
          reference.require(Calibre.class, "calibre", calibre),
          SerialNumber.of(serialNumber),
          CountryCodes.optional("manufactureCountry", manufactureCountry),
          manufactureYear,
          Codes.parse(Provenance.class, "provenance", provenance),
          importerName,
          importerAddress,
          CountryCodes.optional("importCountry", importCountry),
          importYear,
          owningAgency,
          originator == null || originator.isBlank() ? defaultOriginator : originator,
          Codes.parseOptional(Confidentiality.class, "confidentiality", confidentiality),
          useRestrictions,
          notes);
    }

    List<FirearmMarking.Spec> marks() {
      return markings == null ? List.of() : markings.stream().map(Marking::toSpec).toList();
    }
  }

  /** A mark on the weapon. */
  public static class Marking {
    @NotBlank
    @Size(max = 40)
    public String kind;

    @NotBlank
    @Size(max = FirearmMarking.TEXT_MAX)
    public String text;

    @NotBlank
    @Size(max = 40)
    public String location;

    @Size(max = 40)
    public String method;

    public LocalDate appliedOn;

    @Size(max = FirearmMarking.APPLIED_BY_MAX)
    public String appliedBy;

    @Size(max = FirearmMarking.PHOTO_REF_MAX)
    public String photoRef;

    FirearmMarking.Spec toSpec() {
      return new FirearmMarking.Spec(
          Codes.parse(MarkingKind.class, "kind", kind),
          text.strip(),
          Codes.parse(MarkingLocation.class, "location", location),
          Codes.parseOptional(MarkingMethod.class, "method", method),
          appliedOn,
          appliedBy,
          photoRef);
    }
  }

  /** Why a record is voided. */
  public static class Voiding {
    @NotBlank
    @Size(max = Firearm.REASON_MAX)
    public String reason;
  }

  /** The fields a correction (PATCH) may name, besides the required "reason". */
  public static final Set<String> CORRECTABLE =
      Set.of(
          "type",
          "make",
          "model",
          "calibre",
          "serialNumber",
          "manufactureCountry",
          "manufactureYear",
          "provenance",
          "importerName",
          "importerAddress",
          "importCountry",
          "importYear",
          "owningAgency",
          "confidentiality",
          "useRestrictions",
          "notes");

  /** The reason of a correction body, required. */
  static String reason(JsonObject body) {
    JsonValue value = body.get("reason");
    if (!(value instanceof JsonString s) || s.getString().isBlank()) {
      throw ProblemException.invalid("reason", "required: say why the record is corrected");
    }
    return s.getString().strip();
  }

  /** Applies the fields named in {@code body} (JSON merge-patch style) to {@code current}. */
  static Firearm.Description apply(
      Firearm.Description current, JsonObject body, ReferenceData reference) {
    Set<String> unknown = new TreeSet<>(body.keySet());
    unknown.remove("reason");
    unknown.removeAll(CORRECTABLE);
    if (!unknown.isEmpty()) {
      throw ProblemException.invalid(
          unknown.iterator().next(),
          "cannot be corrected; correctable fields are " + new TreeSet<>(CORRECTABLE));
    }
    Fields f = new Fields(body);
    return new Firearm.Description(
        f.has("type")
            ? reference.require(FirearmType.class, "type", f.string("type"))
            : current.type(),
        f.has("make") ? reference.require(Make.class, "make", f.string("make")) : current.make(),
        f.has("model") ? f.string("model") : current.model(),
        f.has("calibre")
            ? reference.require(Calibre.class, "calibre", f.string("calibre"))
            : current.calibre(),
        f.has("serialNumber") ? SerialNumber.of(f.string("serialNumber")) : current.serial(),
        f.has("manufactureCountry")
            ? CountryCodes.optional("manufactureCountry", f.string("manufactureCountry"))
            : current.manufactureCountry(),
        f.has("manufactureYear") ? f.integer("manufactureYear") : current.manufactureYear(),
        f.has("provenance")
            ? Codes.parse(Provenance.class, "provenance", f.string("provenance"))
            : current.provenance(),
        f.has("importerName") ? f.string("importerName") : current.importerName(),
        f.has("importerAddress") ? f.string("importerAddress") : current.importerAddress(),
        f.has("importCountry")
            ? CountryCodes.optional("importCountry", f.string("importCountry"))
            : current.importCountry(),
        f.has("importYear") ? f.integer("importYear") : current.importYear(),
        f.has("owningAgency") ? f.string("owningAgency") : current.owningAgency(),
        current.originator(),
        f.has("confidentiality")
            ? Codes.parse(Confidentiality.class, "confidentiality", f.string("confidentiality"))
            : current.confidentiality(),
        f.has("useRestrictions") ? f.string("useRestrictions") : current.useRestrictions(),
        f.has("notes") ? f.string("notes") : current.notes());
  }

  /** Typed access to a JSON object's members, with validation problems for wrong types. */
  private record Fields(Map<String, JsonValue> body) {
    boolean has(String name) {
      return body.containsKey(name);
    }

    String string(String name) {
      JsonValue v = body.get(name);
      if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
        return null;
      }
      if (v instanceof JsonString s) {
        return s.getString();
      }
      throw ProblemException.invalid(name, "must be a string or null");
    }

    Integer integer(String name) {
      JsonValue v = body.get(name);
      if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
        return null;
      }
      if (v instanceof JsonNumber n && n.isIntegral()) {
        return n.intValue();
      }
      throw ProblemException.invalid(name, "must be a whole number or null");
    }
  }
}
