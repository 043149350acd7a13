package org.traza.platform.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class DatabasePrivilegesTest {

  private static final String USAGE =
      "GRANT USAGE ON *.* TO `traza`@`%` IDENTIFIED BY PASSWORD '*D821809F681A40A6E379B50D0463'";

  @Test
  void accepts_what_the_runtime_account_is_granted() {
    assertThat(
            DatabasePrivileges.findings(
                "traza",
                List.of(
                    USAGE,
                    "GRANT SELECT, INSERT ON `traza`.`audit_entry` TO `traza`@`%`",
                    "GRANT SELECT, INSERT, UPDATE (`last_seq`, `last_hash`) ON `traza`.`audit_chain_head`"
                        + " TO `traza`@`%`",
                    "GRANT SELECT, INSERT, DELETE ON `traza`.`revoked_token` TO `traza`@`%`")))
        .isEmpty();
  }

  @Test
  void names_schema_changing_privileges_on_the_schema_its_tables_or_everything() {
    assertThat(
            DatabasePrivileges.findings(
                "traza",
                List.of(
                    USAGE,
                    "GRANT ALL PRIVILEGES ON `traza`.* TO `traza`@`%`",
                    "GRANT SELECT, TRIGGER ON `traza`.`audit_entry` TO `traza`@`%`",
                    "GRANT UPDATE (`drop`), DROP ON `traza`.`custody_event` TO `traza`@`%`",
                    "GRANT ALTER, CREATE, INDEX ON *.* TO `traza`@`%` WITH GRANT OPTION")))
        .containsExactly(
            "ALL PRIVILEGES on `traza`.* granted to `traza`@`%`",
            "TRIGGER on `traza`.`audit_entry` granted to `traza`@`%`",
            "DROP on `traza`.`custody_event` granted to `traza`@`%`",
            "ALTER, CREATE, INDEX on *.* granted to `traza`@`%`");
  }

  @Test
  void database_grants_match_as_patterns_and_other_databases_do_not_count() {
    assertThat(DatabasePrivileges.reaches("`traza`.*", "traza")).isTrue();
    assertThat(DatabasePrivileges.reaches("`traz_`.*", "traza")).isTrue();
    assertThat(DatabasePrivileges.reaches("`tr%`.*", "traza")).isTrue();
    assertThat(DatabasePrivileges.reaches("`traza\\_it`.*", "traza_it")).isTrue();
    assertThat(DatabasePrivileges.reaches("`traza\\_it`.*", "trazaxit")).isFalse();
    assertThat(DatabasePrivileges.reaches("`other`.*", "traza")).isFalse();
    assertThat(DatabasePrivileges.reaches("`traz_`.`firearm`", "traza")).isFalse();
    assertThat(
            DatabasePrivileges.findings(
                "traza",
                List.of(
                    "GRANT ALL PRIVILEGES ON `scratch`.* TO `traza`@`%`",
                    "GRANT EXECUTE, ALTER ROUTINE ON PROCEDURE `traza`.`p` TO `traza`@`%`",
                    "GRANT PROXY ON ''@'%' TO 'root'@'localhost' WITH GRANT OPTION")))
        .isEmpty();
  }

  @Test
  void reads_the_roles_an_account_may_enable() {
    assertThat(
            DatabasePrivileges.roles(
                List.of(
                    "GRANT `traza_rw`, `ops``team` TO `traza`@`%`",
                    USAGE, "GRANT SELECT ON `traza`.* TO `traza`@`%`")))
        .containsExactly("traza_rw", "ops`team");
  }

  @Test
  void names_the_account_as_a_grant_does_and_the_server_without_its_database() {
    assertThat(DatabasePrivileges.account("traza@%")).isEqualTo("'traza'@'%'");
    assertThat(DatabasePrivileges.account("o'neil@10.0.0.%")).isEqualTo("'o''neil'@'10.0.0.%'");
    assertThat(DatabasePrivileges.withoutDatabase("jdbc:mariadb://db:3306/traza?sslMode=trust"))
        .contains("jdbc:mariadb://db:3306/?sslMode=trust");
    assertThat(DatabasePrivileges.withoutDatabase("jdbc:mariadb://127.0.0.1:3306/traza"))
        .contains("jdbc:mariadb://127.0.0.1:3306/");
    assertThat(DatabasePrivileges.withoutDatabase("jdbc:mariadb:sequential://a,b/traza"))
        .contains("jdbc:mariadb:sequential://a,b/");
    assertThat(DatabasePrivileges.withoutDatabase("jdbc:h2:file:./db")).isEmpty();
  }
}
