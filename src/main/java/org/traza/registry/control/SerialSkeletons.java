package org.traza.registry.control;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import org.traza.scanner.payload.SerialNumbers;

/**
 * Fills the serial skeleton of firearms written before it existed, or by another tool, at start (on
 * MariaDB a migration has done it already, so this finds nothing there).
 */
@Startup
@Singleton
@DependsOn("Migrations")
public class SerialSkeletons {

  private static final System.Logger LOG = System.getLogger(SerialSkeletons.class.getName());
  static final int BATCH = 1000;

  @PersistenceContext EntityManager em;

  @PostConstruct
  void fill() {
    long filled = 0;
    while (true) {
      List<Object[]> rows =
          em.createQuery(
                  "SELECT f.id, f.serial.normalized FROM Firearm f"
                      + " WHERE f.serial.skeleton IS NULL ORDER BY f.id",
                  Object[].class)
              .setMaxResults(BATCH)
              .getResultList();
      for (Object[] row : rows) {
        String skeleton = SerialNumbers.skeleton((String) row[1]);
        em.createQuery(
                "UPDATE Firearm f SET f.serial.skeleton = :s, f.serial.skeletonReversed = :r"
                    + " WHERE f.id = :id")
            .setParameter("s", skeleton)
            .setParameter("r", new StringBuilder(skeleton).reverse().toString())
            .setParameter("id", row[0])
            .executeUpdate();
      }
      filled += rows.size();
      if (rows.size() < BATCH) {
        break;
      }
    }
    if (filled > 0) {
      LOG.log(System.Logger.Level.INFO, "Filled the serial skeleton of " + filled + " firearms");
    }
  }
}
