package ru.gospubliki.store;

import ru.gospubliki.audit.AuditHistory;
import ru.gospubliki.audit.SnapshotStore;
import ru.gospubliki.publish.PublishJournal;

/**
 * Everything the SDK remembers between runs, in one place: what earlier audits knew of each page
 * ({@link #snapshots()}), the audits themselves ({@link #audits()}), and the publish journal
 * ({@link #journal()}). Give the parts to the {@code Auditor} and the {@code CrossPoster}.
 *
 * <pre>{@code
 * Store store = JdbcStore.builder(dataSource).build();
 * Auditor auditor = Auditor.builder().addPlatform(vk).snapshotStore(store.snapshots()).build();
 * ComplianceReport report = auditor.auditRegistry(registry);
 * store.audits().record(report);
 * CrossPoster poster = CrossPoster.builder().addPlatform(vk).journal(store.journal()).build();
 * }</pre>
 */
public interface Store {
  SnapshotStore snapshots();

  AuditHistory audits();

  PublishJournal journal();

  /** A store in this process's memory: everything is forgotten when the process ends. */
  static Store inMemory() {
    SnapshotStore snapshots = SnapshotStore.inMemory();
    AuditHistory audits = AuditHistory.inMemory();
    PublishJournal journal = PublishJournal.inMemory();
    return new Store() {
      @Override
      public SnapshotStore snapshots() {
        return snapshots;
      }

      @Override
      public AuditHistory audits() {
        return audits;
      }

      @Override
      public PublishJournal journal() {
        return journal;
      }
    };
  }
}
