package org.traza.platform.control;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The runtime account's grants (db-migrations/mariadb/afterMigrate__grant_runtime_account.sql)
 * against the JPA mappings: every column JPA may update is granted UPDATE and no other is, every
 * table JPA writes is granted INSERT, ledgers get no UPDATE or DELETE, DELETE only where rows are
 * deleted, and nothing grants a privilege that changes the schema. A mapping that starts updating a
 * column fails here until the grant follows (or the column is marked {@code updatable = false}).
 */
class RuntimeGrantsTest {

  private static final Path MIGRATIONS =
      Path.of(System.getProperty("traza.migrations", "../db-migrations"));
  private static final Path GRANTS =
      MIGRATIONS.resolve("mariadb/afterMigrate__grant_runtime_account.sql");

  /** What one table is granted. */
  static final class TableGrant {
    final Set<String> privileges = new TreeSet<>();
    final Set<String> updatableColumns = new TreeSet<>();
  }

  @Test
  void grants_only_reading_and_writing_never_the_schema() throws IOException {
    for (var e : grants().entrySet()) {
      assertThat(e.getValue().privileges)
          .as(e.getKey())
          .isSubsetOf("SELECT", "INSERT", "UPDATE", "DELETE");
    }
  }

  @Test
  void every_column_jpa_may_update_is_granted_and_no_other() throws Exception {
    Map<String, TableGrant> grants = grants();
    Map<String, Set<String>> mapped = updatableColumnsByTable();
    assertThat(mapped).containsKeys("firearm", "app_user", "audit_chain_head");
    for (var e : mapped.entrySet()) {
      String table = e.getKey();
      assertThat(grants).as("grants for table " + table).containsKey(table);
      TableGrant g = grants.get(table);
      assertThat(g.privileges).as(table).contains("SELECT");
      assertThat(g.updatableColumns)
          .as("UPDATE columns of " + table + " (the columns JPA may update)")
          .containsExactlyInAnyOrderElementsOf(e.getValue());
    }
  }

  @Test
  void every_table_jpa_writes_may_be_inserted_into() throws Exception {
    Map<String, TableGrant> grants = grants();
    for (String table : entityTables()) {
      if (!table.equals("audit_chain_head")) { // seeded by the migrations
        assertThat(grants.get(table).privileges).as(table).contains("SELECT", "INSERT");
      }
    }
    for (String table : collectionTables()) {
      assertThat(grants.get(table).privileges).as(table).contains("SELECT", "INSERT");
    }
  }

  @Test
  void ledgers_are_granted_neither_update_nor_delete_and_deletes_are_few() throws IOException {
    Map<String, TableGrant> grants = grants();
    Set<String> ledgers = ledgers();
    assertThat(ledgers).contains("audit_entry", "custody_event", "destruction_photo");
    for (String ledger : ledgers) {
      TableGrant g = grants.get(ledger);
      assertThat(g).as(ledger).isNotNull();
      assertThat(g.privileges).as(ledger).containsExactlyInAnyOrder("SELECT", "INSERT");
    }
    Set<String> deleting = new TreeSet<>();
    grants.forEach(
        (table, g) -> {
          if (g.privileges.contains("DELETE")) {
            deleting.add(table);
          }
        });
    assertThat(deleting)
        .as("the code purges expired revoked tokens; JPA replaces roles and scanned order items")
        .containsExactlyInAnyOrder("revoked_token", "app_user_role", "destruction_order_item");
  }

  /** The grants file as table, privileges and UPDATE columns. */
  static Map<String, TableGrant> grants() throws IOException {
    StringBuilder sql = new StringBuilder();
    for (String line : Files.readAllLines(GRANTS)) {
      if (!line.trim().startsWith("--")) {
        sql.append(line).append('\n');
      }
    }
    Pattern grant =
        Pattern.compile(
            "GRANT\\s+(.+?)\\s+ON\\s+(\\w+)\\s+TO\\s+\\$\\{runtime_account}",
            Pattern.DOTALL | Pattern.CASE_INSENSITIVE);
    Map<String, TableGrant> grants = new TreeMap<>();
    for (String statement : sql.toString().split(";")) {
      if (statement.isBlank()) {
        continue;
      }
      Matcher m = grant.matcher(statement.trim());
      assertThat(m.matches()).as("a GRANT to the runtime account: " + statement).isTrue();
      TableGrant g = grants.computeIfAbsent(m.group(2), t -> new TableGrant());
      Matcher p = Pattern.compile("(\\w+)\\s*(?:\\(([^)]*)\\))?").matcher(m.group(1));
      while (p.find()) {
        String privilege = p.group(1).toUpperCase();
        g.privileges.add(privilege);
        if (privilege.equals("UPDATE")) {
          assertThat(p.group(2)).as("UPDATE is granted column by column").isNotNull();
          for (String column : p.group(2).split(",")) {
            g.updatableColumns.add(column.trim());
          }
        }
      }
    }
    return grants;
  }

  /** Tables whose every row MariaDB triggers protect from UPDATE. */
  static Set<String> ledgers() throws IOException {
    Set<String> ledgers = new TreeSet<>();
    Pattern trigger = Pattern.compile("BEFORE UPDATE ON (\\w+)");
    try (Stream<Path> files = Files.list(MIGRATIONS.resolve("mariadb"))) {
      for (Path f : files.toList()) {
        Matcher m = trigger.matcher(Files.readString(f));
        while (m.find()) {
          ledgers.add(m.group(1));
        }
      }
    }
    return ledgers;
  }

  private static List<Class<?>> entities() throws Exception {
    Path root =
        Path.of(Migrations.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    try (Stream<Path> files = Files.walk(root)) {
      return files
          .filter(f -> f.toString().endsWith(".class"))
          .map(f -> root.relativize(f).toString().replace('/', '.').replaceAll("\\.class$", ""))
          .filter(n -> n.startsWith("org.traza.") && !n.contains("$"))
          .map(RuntimeGrantsTest::load)
          .filter(c -> c.isAnnotationPresent(Entity.class))
          .toList();
    }
  }

  private static Class<?> load(String name) {
    try {
      return Class.forName(name, false, RuntimeGrantsTest.class.getClassLoader());
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Set<String> entityTables() throws Exception {
    Set<String> tables = new TreeSet<>();
    for (Class<?> entity : entities()) {
      tables.add(entity.getAnnotation(Table.class).name());
    }
    return tables;
  }

  private static Set<String> collectionTables() throws Exception {
    Set<String> tables = new TreeSet<>();
    for (Class<?> entity : entities()) {
      for (Field f : fields(entity)) {
        if (f.isAnnotationPresent(ElementCollection.class)) {
          tables.add(f.getAnnotation(CollectionTable.class).name());
        }
      }
    }
    return tables;
  }

  /** Per entity table, the columns whose mapping lets JPA update them. */
  private static Map<String, Set<String>> updatableColumnsByTable() throws Exception {
    Map<String, Set<String>> byTable = new HashMap<>();
    for (Class<?> entity : entities()) {
      Set<String> columns = new TreeSet<>();
      for (Field f : fields(entity)) {
        if (!f.isAnnotationPresent(ElementCollection.class)) { // rows replaced, see below
          collect(f, columns);
        }
      }
      if (!columns.isEmpty()) {
        byTable.put(entity.getAnnotation(Table.class).name(), columns);
      }
    }
    return byTable;
  }

  private static void collectAll(Class<?> embeddable, Set<String> columns) {
    for (Field f : fields(embeddable)) {
      collect(f, columns);
    }
  }

  private static void collect(Field f, Set<String> columns) {
    if (f.isAnnotationPresent(Id.class)
        || f.isAnnotationPresent(Transient.class)
        || f.isAnnotationPresent(OneToMany.class)) {
      return;
    }
    if (f.isAnnotationPresent(Embedded.class)) {
      collectAll(f.getType(), columns);
      return;
    }
    Column c = f.getAnnotation(Column.class);
    JoinColumn j = f.getAnnotation(JoinColumn.class);
    if (c != null && c.updatable() && c.insertable()) {
      columns.add(c.name());
    } else if (j != null && j.updatable()) {
      columns.add(j.name());
    } else if (c == null && j == null && f.isAnnotationPresent(Version.class)) {
      columns.add("version");
    }
  }

  private static List<Field> fields(Class<?> type) {
    List<Field> fields = new java.util.ArrayList<>();
    for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
      for (Field f : c.getDeclaredFields()) {
        if (!Modifier.isStatic(f.getModifiers())) {
          fields.add(f);
        }
      }
    }
    return fields;
  }
}
