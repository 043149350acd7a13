package org.traza.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Lob;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.MatrixParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedParameterizedType;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Every string the API accepts has a maximum, and every string column is checked against its length
 * before the database sees it: one constant drives {@code @Column(length)} and {@code @Size(max)}.
 * A client's long text is then a 400 naming the field, never the database's "Data too long" as a
 * 500.
 */
class InputLimitsTest {

  private static final List<Class<?>> CLASSES =
      new ClassFileImporter()
              .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
              .importPackages("org.traza")
              .stream()
              .map(JavaClass::reflect)
              .toList();

  @Test
  void every_string_column_of_an_entity_is_validated_to_its_length() {
    List<String> missing = new ArrayList<>();
    for (Class<?> c : CLASSES) {
      if (!c.isAnnotationPresent(Entity.class)) {
        continue;
      }
      for (Field f : c.getDeclaredFields()) {
        Column column = f.getAnnotation(Column.class);
        if (column == null || f.getType() != String.class || f.isAnnotationPresent(Lob.class)) {
          continue;
        }
        Size size = f.getAnnotation(Size.class);
        if (size == null || size.max() != column.length()) {
          missing.add(
              c.getSimpleName() + "." + f.getName() + " (column length " + column.length() + ")");
        }
      }
    }
    assertThat(missing).as("string columns without @Size(max = their length)").isEmpty();
  }

  @Test
  void every_string_in_a_request_body_has_a_maximum() {
    List<String> missing = new ArrayList<>();
    Set<Class<?>> seen = new HashSet<>();
    for (Class<?> c : CLASSES) {
      for (Method m : c.getDeclaredMethods()) {
        if (!isResourceMethod(m)) {
          continue;
        }
        for (Parameter p : m.getParameters()) {
          if (isEntityParameter(p) && p.getType().getName().startsWith("org.traza.")) {
            walk(p.getType(), seen, missing);
          }
        }
      }
    }
    assertThat(seen).as("request body types found").isNotEmpty();
    assertThat(missing).as("request body strings without @Size(max)").isEmpty();
  }

  private static void walk(Class<?> type, Set<Class<?>> seen, List<String> missing) {
    if (!seen.add(type) || type.isEnum()) {
      return;
    }
    for (Field f : type.getDeclaredFields()) {
      if (Modifier.isStatic(f.getModifiers())) {
        continue;
      }
      if (f.getType() == String.class && !f.isAnnotationPresent(Size.class)) {
        missing.add(type.getName() + "." + f.getName());
      }
      if (List.class.isAssignableFrom(f.getType())) {
        Type element = ((ParameterizedType) f.getGenericType()).getActualTypeArguments()[0];
        if (element == String.class
            && ((AnnotatedParameterizedType) f.getAnnotatedType())
                    .getAnnotatedActualTypeArguments()[0].getAnnotation(Size.class)
                == null) {
          missing.add(type.getName() + "." + f.getName() + "[]");
        }
        if (element instanceof Class<?> e && e.getName().startsWith("org.traza.")) {
          walk(e, seen, missing);
        }
      }
      if (f.getType().getName().startsWith("org.traza.")) {
        walk(f.getType(), seen, missing);
      }
    }
  }

  private static boolean isResourceMethod(Method m) {
    for (Annotation a : m.getAnnotations()) {
      if (a.annotationType().isAnnotationPresent(HttpMethod.class)) {
        return true;
      }
    }
    return false;
  }

  private static boolean isEntityParameter(Parameter p) {
    for (Class<? extends Annotation> a :
        List.of(
            PathParam.class,
            QueryParam.class,
            HeaderParam.class,
            CookieParam.class,
            FormParam.class,
            MatrixParam.class,
            BeanParam.class,
            Context.class)) {
      if (p.isAnnotationPresent(a)) {
        return false;
      }
    }
    return true;
  }
}
