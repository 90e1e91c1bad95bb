package ru.gospubliki.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ru.gospubliki.audit.Auditor;
import ru.gospubliki.audit.ComplianceReport;
import ru.gospubliki.audit.OrganizationAudit;
import ru.gospubliki.audit.PageStatus;
import ru.gospubliki.model.MarkStatus;
import ru.gospubliki.model.Organization;
import ru.gospubliki.model.PageRef;
import ru.gospubliki.model.PlatformId;
import ru.gospubliki.model.PostDraft;
import ru.gospubliki.model.ProfileSnapshot;
import ru.gospubliki.platform.Capabilities;
import ru.gospubliki.platform.FetchResult;
import ru.gospubliki.platform.Platform;
import ru.gospubliki.platform.PostHistory;
import ru.gospubliki.platform.PostQuery;
import ru.gospubliki.platform.PublishResult;
import ru.gospubliki.registry.Registry;
import ru.gospubliki.rules.Policy;
import ru.gospubliki.testing.InMemoryPlatform;

/** PostgreSQL stops in the middle of an audit: the report is whole, and the next run with the database back works. */
final class DatabaseGoesAwayTest {
  static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
  @TempDir Path data;
  EmbeddedPostgres postgres;

  EmbeddedPostgres start(int port) {
    try {
      return EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(false).setPort(port).start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @AfterEach
  void stop() throws IOException {
    if (postgres != null) postgres.close();
  }

  @Test
  void theAuditIsCompleteWhenTheDatabaseStopsMidwayAndTheNextRunWorks() throws IOException {
    postgres = start(0);
    int port = postgres.getPort();
    JdbcStore store = JdbcStore.builder(postgres.getPostgresDatabase()).build();
    InMemoryPlatform vk = InMemoryPlatform.create(PlatformId.VK, Clock.fixed(NOW, ZoneOffset.UTC));
    Registry.Builder registry = Registry.builder();
    for (int i = 1; i <= 30; i++) {
      PageRef page = PageRef.of(PlatformId.VK, Integer.toString(100 + i));
      vk.putProfile(ProfileSnapshot.builder().page(page).name("Школа " + i).mark(MarkStatus.CONFIRMED).takenAt(NOW).build());
      registry.addOrganizations(Organization.builder().name("Школа " + i).addPages(page).build());
    }
    EmbeddedPostgres running = postgres;
    Platform stopsTheDatabase = new Delegating(vk) {
      @Override
      public Map<PageRef, FetchResult<ProfileSnapshot>> fetchProfiles(Collection<PageRef> pages) {
        try {
          running.close(); // the database goes away while the pages are being read
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
        return super.fetchProfiles(pages);
      }
    };
    ComplianceReport report = Auditor.builder().policy(Policy.federal()).clock(Clock.fixed(NOW, ZoneOffset.UTC))
        .addPlatform(stopsTheDatabase).snapshotStore(store.snapshots()).build().auditRegistry(registry.build());
    postgres = null;
    assertThat(report.organizations()).hasSize(30);
    for (OrganizationAudit organization : report.organizations()) {
      assertThat(organization.pages().get(0).status()).isNotEqualTo(PageStatus.UNREACHABLE);
      assertThat(organization.pages().get(0).mark()).isEqualTo(MarkStatus.CONFIRMED);
    }
    assertThatThrownBy(() -> store.audits().record(report)).isInstanceOf(StoreException.class)
        .hasMessageStartingWith("could not record the audit");
    // Publishing with the journal down sends nothing.
    PublishResult refused = ru.gospubliki.publish.CrossPoster.builder().addPlatform(vk).journal(store.journal()).build()
        .post(PostDraft.builder().text("Новости").build(), java.util.List.of(PageRef.of(PlatformId.VK, "101")))
        .results().get(0);
    assertThat(refused.status()).isEqualTo(ru.gospubliki.platform.PublishStatus.FAILED);
    assertThat(vk.sends()).isZero();

    postgres = start(port); // back, with its data
    JdbcStore again = JdbcStore.builder(postgres.getPostgresDatabase()).build();
    ComplianceReport next = Auditor.builder().policy(Policy.federal()).clock(Clock.fixed(NOW, ZoneOffset.UTC))
        .addPlatform(vk).snapshotStore(again.snapshots()).build().auditRegistry(registry.build());
    again.audits().record(next);
    assertThat(again.audits().runs()).hasSize(1);
    assertThat(again.snapshots().load(PageRef.of(PlatformId.VK, "101"))).isNotNull();
  }

  /** A platform that hands every call to another. */
  static class Delegating implements Platform {
    final Platform delegate;

    Delegating(Platform delegate) {
      this.delegate = delegate;
    }

    @Override public PlatformId id() { return delegate.id(); }
    @Override public Capabilities capabilities() { return delegate.capabilities(); }
    @Override public Map<PageRef, FetchResult<PageRef>> resolve(Collection<PageRef> pages) { return delegate.resolve(pages); }
    @Override public Map<PageRef, FetchResult<ProfileSnapshot>> fetchProfiles(Collection<PageRef> pages) { return delegate.fetchProfiles(pages); }
    @Override public Map<PageRef, FetchResult<PostHistory>> fetchPosts(Collection<PageRef> pages, PostQuery query) { return delegate.fetchPosts(pages, query); }
    @Override public ru.gospubliki.platform.SendResult send(ru.gospubliki.platform.SendRequest request) { return delegate.send(request); }
    @Override public ru.gospubliki.platform.PostLookup findExisting(PageRef page, PostDraft draft, Instant sentAfter) { return delegate.findExisting(page, draft, sentAfter); }
    @Override public ru.gospubliki.platform.SendResult.Sent edit(PageRef page, String postId, PostDraft draft) { return delegate.edit(page, postId, draft); }
    @Override public void delete(PageRef page, String postId) { delegate.delete(page, postId); }
  }
}
