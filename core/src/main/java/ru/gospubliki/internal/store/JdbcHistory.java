package ru.gospubliki.internal.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import ru.gospubliki.audit.AuditHistory;
import ru.gospubliki.audit.AuditRun;
import ru.gospubliki.audit.AuditSummary;
import ru.gospubliki.audit.ComplianceReport;
import ru.gospubliki.audit.Finding;
import ru.gospubliki.audit.OrganizationAudit;
import ru.gospubliki.audit.PageAudit;
import ru.gospubliki.audit.PageStatus;
import ru.gospubliki.internal.ContentKey;
import ru.gospubliki.model.MarkStatus;
import ru.gospubliki.model.Organization;
import ru.gospubliki.model.PageRef;
import ru.gospubliki.model.PlatformId;
import ru.gospubliki.registry.RegistryWarning;
import ru.gospubliki.registry.RejectedRow;

/**
 * {@link AuditHistory} over tables {@code gp_audit_run}, {@code gp_audit_organization} and {@code
 * gp_audit_page}. Organisations and findings lists are JSON documents in {@code gp_document}, kept
 * once by their SHA-256: a district audited every week repeats most of them, so a year of weekly
 * audits costs little more than the changes.
 */
public final class JdbcHistory implements AuditHistory {
  static final int CHUNK = 500;

  private final Jdbc jdbc;

  public JdbcHistory(DataSource dataSource) {
    this.jdbc = new Jdbc(dataSource);
  }

  @Override
  public AuditRun record(ComplianceReport report) {
    // Prepared outside the transaction: the JSON and hashes of every document.
    Map<String, String> documents = new LinkedHashMap<>();
    List<String> organizations = new ArrayList<>();
    List<@Nullable String> organizationFindings = new ArrayList<>();
    List<@Nullable String> pageFindings = new ArrayList<>();
    for (OrganizationAudit audit : report.organizations()) {
      organizations.add(document(documents, StoreJson.organization(audit.organization())));
      organizationFindings.add(findings(documents, audit.findings()));
      for (PageAudit page : audit.pages()) pageFindings.add(findings(documents, page.findings()));
    }
    String summary = StoreJson.summary(report.summary());
    String rejected = StoreJson.rejectedRows(report.rejectedRows());
    String warnings = StoreJson.warnings(report.warnings());
    return jdbc.transaction("could not record the audit", connection -> {
      long id;
      try (PreparedStatement insert = connection.prepareStatement("INSERT INTO gp_audit_run (as_of, recorded_at,"
          + " policy, organizations, pages, compliant, non_compliant, unreachable, summary, rejected_rows, warnings,"
          + " rejected_row_count, warning_count) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
          Statement.RETURN_GENERATED_KEYS)) {
        AuditSummary s = report.summary();
        Jdbc.setInstant(insert, 1, report.asOf());
        Jdbc.setInstant(insert, 2, Instant.now());
        insert.setString(3, report.policy());
        insert.setInt(4, s.organizations());
        insert.setInt(5, s.pages());
        insert.setInt(6, s.compliant());
        insert.setInt(7, s.nonCompliant());
        insert.setInt(8, s.unreachable());
        insert.setString(9, summary);
        insert.setString(10, rejected);
        insert.setString(11, warnings);
        insert.setLong(12, report.rejectedRowCount());
        insert.setLong(13, report.warningCount());
        insert.executeUpdate();
        try (ResultSet keys = insert.getGeneratedKeys()) {
          if (!keys.next()) throw new SQLException("no id generated for the audit run");
          id = keys.getLong(1);
        }
      }
      insertMissing(connection, documents);
      try (PreparedStatement org = connection.prepareStatement("INSERT INTO gp_audit_organization (run_id, position,"
          + " name, district, organization, findings) VALUES (?, ?, ?, ?, ?, ?)");
          PreparedStatement page = connection.prepareStatement("INSERT INTO gp_audit_page (run_id, organization,"
              + " position, platform, page_id, url, name, status, reason, mark, score, posts_last_28_days, findings,"
              + " resolved_id, score_rules, engagement_rate) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
        int pageIndex = 0;
        for (int o = 0; o < report.organizations().size(); o++) {
          OrganizationAudit audit = report.organizations().get(o);
          org.setLong(1, id);
          org.setInt(2, o);
          org.setString(3, truncate(audit.organization().name(), 1000));
          org.setString(4, truncate(audit.organization().district(), 500));
          org.setString(5, organizations.get(o));
          org.setString(6, organizationFindings.get(o));
          org.addBatch();
          for (int p = 0; p < audit.pages().size(); p++) {
            PageAudit audited = audit.pages().get(p);
            page.setLong(1, id);
            page.setInt(2, o);
            page.setInt(3, p);
            page.setString(4, audited.page().platform().name());
            page.setString(5, audited.page().id());
            page.setString(6, truncate(audited.page().url(), 1000));
            page.setString(7, truncate(audited.name(), 1000));
            page.setString(8, audited.status().name());
            page.setString(9, truncate(audited.reason(), 1000));
            page.setString(10, audited.mark().name());
            Jdbc.setInteger(page, 11, audited.score());
            Jdbc.setInteger(page, 12, audited.postsLast28Days());
            page.setString(13, pageFindings.get(pageIndex++));
            PageRef resolved = audited.resolved();
            page.setString(14, resolved != null ? resolved.id() : null);
            page.setInt(15, audited.scoreRules());
            Double engagement = audited.engagementRate();
            if (engagement != null) {
              page.setDouble(16, engagement);
            } else {
              page.setNull(16, Types.DOUBLE);
            }
            page.addBatch();
          }
        }
        org.executeBatch();
        page.executeBatch();
      }
      return AuditRun.builder().id(id).asOf(report.asOf()).policy(report.policy()).summary(report.summary()).build();
    });
  }

  @Override
  public List<AuditRun> runs() {
    return jdbc.read("could not read the audit history", connection -> {
      List<AuditRun> runs = new ArrayList<>();
      try (Statement select = connection.createStatement();
          ResultSet rows = select.executeQuery("SELECT id, as_of, policy, summary FROM gp_audit_run ORDER BY as_of, id")) {
        while (rows.next()) runs.add(run(rows));
      }
      return runs;
    });
  }

  @Override
  public ComplianceReport report(long runId) {
    return jdbc.read("could not read the audit history", connection -> {
      ComplianceReport.Builder report = ComplianceReport.builder();
      try (PreparedStatement select = connection.prepareStatement(
          "SELECT id, as_of, policy, summary, rejected_rows, warnings, rejected_row_count, warning_count"
              + " FROM gp_audit_run WHERE id = ?")) {
        select.setLong(1, runId);
        try (ResultSet rows = select.executeQuery()) {
          if (!rows.next()) throw new NoSuchElementException("no audit run " + runId);
          AuditRun run = run(rows);
          List<RejectedRow> rejected = StoreJson.rejectedRows(Jdbc.requireString(rows, "rejected_rows"));
          String warnings = rows.getString("warnings");
          List<RegistryWarning> warningList = warnings != null ? StoreJson.warnings(warnings) : List.of();
          // Runs recorded before schema version 2 have no counts: what was listed is all there was.
          long rejectedCount = rows.getLong("rejected_row_count");
          if (rows.wasNull()) rejectedCount = rejected.size();
          long warningCount = rows.getLong("warning_count");
          if (rows.wasNull()) warningCount = warningList.size();
          report.asOf(run.asOf()).policy(run.policy()).summary(run.summary())
              .rejectedRows(rejected).rejectedRowCount(rejectedCount)
              .warnings(warningList).warningCount(warningCount);
        }
      }
      List<String[]> organizations = new ArrayList<>(); // organization document, findings document
      try (PreparedStatement select = connection.prepareStatement(
          "SELECT organization, findings FROM gp_audit_organization WHERE run_id = ? ORDER BY position")) {
        select.setLong(1, runId);
        try (ResultSet rows = select.executeQuery()) {
          while (rows.next()) organizations.add(new String[] {Jdbc.requireString(rows, "organization"), rows.getString("findings")});
        }
      }
      Map<Integer, List<PageRow>> pages = new HashMap<>();
      try (PreparedStatement select = connection.prepareStatement("SELECT organization, platform, page_id, url, name,"
          + " status, reason, mark, score, posts_last_28_days, findings, resolved_id, score_rules, engagement_rate"
          + " FROM gp_audit_page WHERE run_id = ?"
          + " ORDER BY organization, position")) {
        select.setLong(1, runId);
        try (ResultSet rows = select.executeQuery()) {
          while (rows.next()) pages.computeIfAbsent(rows.getInt("organization"), k -> new ArrayList<>()).add(new PageRow(rows));
        }
      }
      Set<String> hashes = new HashSet<>();
      for (String[] org : organizations) {
        hashes.add(org[0]);
        if (org[1] != null) hashes.add(org[1]);
      }
      for (List<PageRow> rows : pages.values()) {
        for (PageRow row : rows) if (row.findings != null) hashes.add(row.findings);
      }
      Map<String, String> documents = documents(connection, hashes);
      Map<String, List<Finding>> parsedFindings = new HashMap<>();
      for (int o = 0; o < organizations.size(); o++) {
        Organization organization = StoreJson.organization(content(documents, organizations.get(o)[0]));
        OrganizationAudit.Builder audit = OrganizationAudit.builder().organization(organization)
            .findings(findings(documents, parsedFindings, organizations.get(o)[1]));
        for (PageRow row : pages.getOrDefault(o, List.of())) {
          PlatformId platform = PlatformId.of(row.platform);
          audit.addPages(PageAudit.builder()
              .page(StoreJson.page(platform, row.pageId, row.url))
              .resolved(row.resolvedId != null ? PageRef.of(platform, row.resolvedId) : null)
              .scoreRules(row.scoreRules != null ? row.scoreRules : 0)
              .engagementRate(row.engagementRate)
              .name(row.name)
              .status(PageStatus.valueOf(row.status))
              .reason(row.reason)
              .mark(MarkStatus.valueOf(row.mark))
              .score(row.score)
              .postsLast28Days(row.postsLast28Days)
              .findings(findings(documents, parsedFindings, row.findings))
              .build());
        }
        report.addOrganizations(audit.build());
      }
      return report.build();
    });
  }

  /** One {@code gp_audit_page} row. */
  private static final class PageRow {
    final String platform;
    final String pageId;
    final String url;
    final @Nullable String name;
    final String status;
    final @Nullable String reason;
    final String mark;
    final @Nullable Integer score;
    final @Nullable Integer postsLast28Days;
    final @Nullable String findings;
    final @Nullable String resolvedId;
    final @Nullable Integer scoreRules;
    final @Nullable Double engagementRate;

    PageRow(ResultSet rows) throws SQLException {
      platform = Jdbc.requireString(rows, "platform");
      pageId = Jdbc.requireString(rows, "page_id");
      url = Jdbc.requireString(rows, "url");
      name = rows.getString("name");
      status = Jdbc.requireString(rows, "status");
      reason = rows.getString("reason");
      mark = Jdbc.requireString(rows, "mark");
      score = Jdbc.getInteger(rows, "score");
      postsLast28Days = Jdbc.getInteger(rows, "posts_last_28_days");
      findings = rows.getString("findings");
      resolvedId = rows.getString("resolved_id");
      scoreRules = Jdbc.getInteger(rows, "score_rules");
      double engagement = rows.getDouble("engagement_rate");
      engagementRate = rows.wasNull() ? null : engagement;
    }
  }

  private static AuditRun run(ResultSet rows) throws SQLException {
    return AuditRun.builder()
        .id(rows.getLong("id"))
        .asOf(Jdbc.requireInstant(rows, "as_of"))
        .policy(Jdbc.requireString(rows, "policy"))
        .summary(StoreJson.summary(Jdbc.requireString(rows, "summary")))
        .build();
  }

  private static List<Finding> findings(Map<String, String> documents, Map<String, List<Finding>> parsed,
      @Nullable String hash) {
    if (hash == null) return List.of();
    List<Finding> findings = parsed.get(hash);
    if (findings == null) {
      findings = StoreJson.findings(content(documents, hash));
      parsed.put(hash, findings);
    }
    return findings;
  }

  private static String content(Map<String, String> documents, String hash) {
    String content = documents.get(hash);
    if (content == null) throw new IllegalStateException("stored audit refers to a missing document " + hash);
    return content;
  }

  private static Map<String, String> documents(Connection connection, Set<String> hashes) throws SQLException {
    Map<String, String> result = new HashMap<>();
    List<String> all = new ArrayList<>(hashes);
    for (int from = 0; from < all.size(); from += CHUNK) {
      List<String> chunk = all.subList(from, Math.min(all.size(), from + CHUNK));
      try (PreparedStatement select = connection.prepareStatement(
          "SELECT hash, content FROM gp_document WHERE hash IN (" + Jdbc.placeholders(chunk.size()) + ")")) {
        for (int i = 0; i < chunk.size(); i++) select.setString(i + 1, chunk.get(i));
        try (ResultSet rows = select.executeQuery()) {
          while (rows.next()) result.put(Jdbc.requireString(rows, "hash"), Jdbc.requireString(rows, "content"));
        }
      }
    }
    return result;
  }

  /** Inserts the documents the database does not have yet. */
  private static void insertMissing(Connection connection, Map<String, String> documents) throws SQLException {
    Set<String> present = documents(connection, documents.keySet()).keySet();
    List<String> missing = new ArrayList<>();
    for (String hash : documents.keySet()) if (!present.contains(hash)) missing.add(hash);
    if (missing.isEmpty()) return;
    missing.sort(null); // the same order in every writer: no deadlock between two
    try (PreparedStatement insert = connection.prepareStatement("INSERT INTO gp_document (hash, content) VALUES (?, ?)")) {
      for (String hash : missing) {
        insert.setString(1, hash);
        insert.setString(2, documents.get(hash));
        insert.addBatch();
      }
      insert.executeBatch();
    }
  }

  private static @Nullable String findings(Map<String, String> documents, List<Finding> findings) {
    return findings.isEmpty() ? null : document(documents, StoreJson.findings(findings));
  }

  private static String document(Map<String, String> documents, String content) {
    MessageDigest digest = ContentKey.sha256();
    byte[] hash = digest.digest(content.getBytes(StandardCharsets.UTF_8));
    StringBuilder hex = new StringBuilder(64);
    for (byte b : hash) hex.append(Character.forDigit((b >> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
    String key = hex.toString();
    documents.putIfAbsent(key, content);
    return key;
  }

  private static @Nullable String truncate(@Nullable String value, int max) {
    return value == null || value.length() <= max ? value : value.substring(0, max);
  }
}
