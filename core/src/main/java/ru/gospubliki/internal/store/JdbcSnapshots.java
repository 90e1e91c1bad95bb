package ru.gospubliki.internal.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import ru.gospubliki.audit.KnownProfile;
import ru.gospubliki.audit.SnapshotStore;
import ru.gospubliki.model.PageRef;
import ru.gospubliki.model.PlatformId;

/** {@link SnapshotStore} over table {@code gp_page_snapshot}: one row per page, upserted. */
public final class JdbcSnapshots implements SnapshotStore {
  /** Pages per {@code IN (...)} query. */
  static final int CHUNK = 500;

  private final Jdbc jdbc;
  private final Dialect dialect;

  public JdbcSnapshots(DataSource dataSource, Dialect dialect) {
    this.jdbc = new Jdbc(dataSource);
    this.dialect = dialect;
  }

  @Override
  public @Nullable KnownProfile load(PageRef page) {
    return loadAll(List.of(page)).get(page);
  }

  @Override
  public void save(KnownProfile profile) {
    saveAll(List.of(profile));
  }

  @Override
  public Map<PageRef, KnownProfile> loadAll(Collection<PageRef> pages) {
    Map<PlatformId, List<PageRef>> byPlatform = new LinkedHashMap<>();
    for (PageRef page : pages) byPlatform.computeIfAbsent(page.platform(), p -> new ArrayList<>()).add(page);
    return jdbc.read("could not read page snapshots", connection -> {
      Map<PageRef, KnownProfile> found = new HashMap<>();
      for (Map.Entry<PlatformId, List<PageRef>> entry : byPlatform.entrySet()) {
        List<PageRef> refs = entry.getValue();
        for (int from = 0; from < refs.size(); from += CHUNK) {
          List<PageRef> chunk = refs.subList(from, Math.min(refs.size(), from + CHUNK));
          try (PreparedStatement select = connection.prepareStatement(
              "SELECT page_id, mark_last_seen, snapshot FROM gp_page_snapshot WHERE platform = ? AND page_id IN ("
                  + Jdbc.placeholders(chunk.size()) + ")")) {
            select.setString(1, entry.getKey().name());
            for (int i = 0; i < chunk.size(); i++) select.setString(i + 2, chunk.get(i).id());
            try (ResultSet rows = select.executeQuery()) {
              while (rows.next()) {
                String id = Jdbc.requireString(rows, "page_id");
                KnownProfile known = KnownProfile.builder()
                    .snapshot(StoreJson.snapshot(entry.getKey(), id, Jdbc.requireString(rows, "snapshot")))
                    .markLastSeen(Jdbc.getInstant(rows, "mark_last_seen"))
                    .build();
                found.put(known.page(), known);
              }
            }
          }
        }
      }
      Map<PageRef, KnownProfile> result = new LinkedHashMap<>();
      for (PageRef page : pages) {
        KnownProfile known = found.get(page);
        if (known != null) result.put(page, known);
      }
      return result;
    });
  }

  @Override
  public void saveAll(Collection<KnownProfile> profiles) {
    if (profiles.isEmpty()) return;
    // Sorted by key: concurrent batches lock rows in the same order and cannot deadlock.
    List<KnownProfile> sorted = new ArrayList<>(profiles);
    sorted.sort((a, b) -> a.page().compareTo(b.page()));
    jdbc.transaction("could not save page snapshots", connection -> {
      try (PreparedStatement upsert = connection.prepareStatement(dialect.upsertSnapshot)) {
        for (KnownProfile known : sorted) {
          upsert.setString(1, known.page().platform().name());
          upsert.setString(2, known.page().id());
          Jdbc.setInstant(upsert, 3, known.snapshot().takenAt());
          upsert.setString(4, known.snapshot().mark().name());
          Jdbc.setInstant(upsert, 5, known.markLastSeen());
          upsert.setString(6, StoreJson.snapshot(known.snapshot()));
          upsert.addBatch();
        }
        upsert.executeBatch();
      }
      return sorted.size();
    });
  }
}
