package org.traza;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The house rules of STYLE.md, kept true by the build. */
class ArchitectureTest {

  private static final JavaClasses CLASSES =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("org.traza");

  private static final List<String> FEATURES =
      List.of(
          "registry",
          "security",
          "audit",
          "marking",
          "custody",
          "stockpile",
          "destruction",
          "trace");

  @Test
  void every_endpoint_declares_its_roles() {
    ArchCondition<JavaMethod> declaresRoles =
        new ArchCondition<>(
            "declare @RolesAllowed, @PermitAll or @DenyAll (on the method or its class)") {
          @Override
          public void check(JavaMethod method, ConditionEvents events) {
            boolean declared =
                method.isAnnotatedWith(RolesAllowed.class)
                    || method.isAnnotatedWith(PermitAll.class)
                    || method.isAnnotatedWith(DenyAll.class)
                    || method.getOwner().isAnnotatedWith(RolesAllowed.class)
                    || method.getOwner().isAnnotatedWith(PermitAll.class);
            if (!declared) {
              events.add(
                  SimpleConditionEvent.violated(
                      method, method.getFullName() + " declares no roles"));
            }
          }
        };
    methods()
        .that()
        .areAnnotatedWith(GET.class)
        .or()
        .areAnnotatedWith(POST.class)
        .or()
        .areAnnotatedWith(PUT.class)
        .or()
        .areAnnotatedWith(PATCH.class)
        .or()
        .areAnnotatedWith(DELETE.class)
        .should(declaresRoles)
        .check(CLASSES);
  }

  @Test
  void entities_know_nothing_of_http() {
    noClasses()
        .that()
        .resideInAPackage("..entity..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("jakarta.ws.rs..")
        .check(CLASSES);
  }

  @Test
  void boundaries_do_not_query_the_database_themselves() {
    noClasses()
        .that()
        .resideInAPackage("..boundary..")
        .should()
        .dependOnClassesThat()
        .areAssignableTo(EntityManager.class)
        .check(CLASSES);
  }

  @Test
  void features_reach_each_other_only_through_boundaries_or_events() {
    for (String feature : FEATURES) {
      for (String other : FEATURES) {
        if (!feature.equals(other)) {
          noClasses()
              .that()
              .resideInAPackage("org.traza." + feature + "..")
              .should()
              .dependOnClassesThat()
              .resideInAPackage("org.traza." + other + ".control..")
              .check(CLASSES);
        }
      }
    }
  }

  @Test
  void the_platform_holds_no_feature_code() {
    noClasses()
        .that()
        .resideInAPackage("org.traza.platform..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "org.traza.registry..",
            "org.traza.security..",
            "org.traza.audit..",
            "org.traza.marking..",
            "org.traza.custody..",
            "org.traza.stockpile..",
            "org.traza.destruction..",
            "org.traza.trace..")
        .check(CLASSES);
  }

  @Test
  void nobody_calls_the_audit_log() {
    noClasses()
        .that()
        .resideOutsideOfPackage("org.traza.audit..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("org.traza.audit..")
        .check(CLASSES);
  }
}
