package ru.gospubliki.internal.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import ru.gospubliki.model.PlatformId;
import ru.gospubliki.model.PageRef;
import ru.gospubliki.platform.Captcha;
import ru.gospubliki.platform.FailureReason;
import ru.gospubliki.publish.JournalEntry;
import ru.gospubliki.publish.JournalStatus;
import ru.gospubliki.publish.PublishJournal;

/**
 * {@link PublishJournal} over table {@code gp_publication}: the primary key on (idempotency key,
 * platform, page id) makes a claim atomic across processes; replacing checks the version.
 */
public final class JdbcJournal implements PublishJournal {
  static final String COLUMNS = "idempotency_key, platform, page_id, page_url, status, version, first_attempt_at,"
      + " attempts, updated_at, post_id, post_url, scheduled_at, reason, message, captcha_sid, captcha_image_url,"
      + " captcha_redirect_uri, settled_at";

  private final Jdbc jdbc;

  public JdbcJournal(DataSource dataSource) {
    this.jdbc = new Jdbc(dataSource);
  }

  @Override
  public @Nullable JournalEntry lookup(String idempotencyKey, PageRef page) {
    List<JournalEntry> found = jdbc.read("could not read the publish journal", connection -> {
      try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS
          + " FROM gp_publication WHERE idempotency_key = ? AND platform = ? AND page_id = ?")) {
        select.setString(1, idempotencyKey);
        select.setString(2, page.platform().name());
        select.setString(3, page.id());
        try (ResultSet rows = select.executeQuery()) {
          return rows.next() ? List.of(entry(rows)) : List.<JournalEntry>of();
        }
      }
    });
    return found.isEmpty() ? null : found.get(0);
  }

  @Override
  public List<JournalEntry> entries(String idempotencyKey) {
    return jdbc.read("could not read the publish journal", connection -> {
      try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS
          + " FROM gp_publication WHERE idempotency_key = ? ORDER BY platform, page_id")) {
        select.setString(1, idempotencyKey);
        List<JournalEntry> result = new ArrayList<>();
        try (ResultSet rows = select.executeQuery()) {
          while (rows.next()) result.add(entry(rows));
        }
        return result;
      }
    });
  }

  @Override
  public String bindRequest(String idempotencyKey, String requestDigest) {
    ru.gospubliki.internal.publish.RequestDigests.check(idempotencyKey, requestDigest);
    return jdbc.read("could not write the publish journal", connection -> {
      for (int attempt = 1; ; attempt++) {
        try (PreparedStatement select = connection.prepareStatement(
            "SELECT request_digest FROM gp_publish_request WHERE idempotency_key = ?")) {
          select.setString(1, idempotencyKey);
          try (ResultSet rows = select.executeQuery()) {
            if (rows.next()) return rows.getString(1);
          }
        }
        try (PreparedStatement insert = connection.prepareStatement(
            "INSERT INTO gp_publish_request (idempotency_key, request_digest, bound_at) VALUES (?, ?, ?)")) {
          insert.setString(1, idempotencyKey);
          insert.setString(2, requestDigest);
          Jdbc.setInstant(insert, 3, java.time.Instant.now());
          insert.executeUpdate();
          return requestDigest;
        } catch (SQLException e) {
          // Bound by another caller between the two statements: read what it bound.
          if (!Jdbc.UNIQUE_VIOLATION.equals(e.getSQLState()) || attempt >= Jdbc.ATTEMPTS) throw e;
        }
      }
    });
  }

  @Override
  public boolean insert(JournalEntry entry) {
    return jdbc.read("could not write the publish journal", connection -> {
      try (PreparedStatement insert = connection.prepareStatement("INSERT INTO gp_publication (" + COLUMNS
          + ") VALUES (" + Jdbc.placeholders(18) + ")")) {
        bind(insert, entry);
        return insert.executeUpdate() == 1;
      } catch (SQLException e) {
        if (Jdbc.UNIQUE_VIOLATION.equals(e.getSQLState())) return false; // claimed by another caller first
        throw e;
      }
    });
  }

  @Override
  public boolean replace(JournalEntry expected, JournalEntry updated) {
    if (!updated.idempotencyKey().equals(expected.idempotencyKey()) || !updated.page().equals(expected.page())) {
      throw new IllegalArgumentException("replace must keep the key and page: " + expected.page() + " → " + updated.page());
    }
    if (updated.version() != expected.version() + 1) {
      throw new IllegalArgumentException("updated.version must be " + (expected.version() + 1) + ": " + updated.version());
    }
    return jdbc.read("could not write the publish journal", connection -> update(connection, expected, updated));
  }

  private static boolean update(Connection connection, JournalEntry expected, JournalEntry updated) throws SQLException {
    try (PreparedStatement update = connection.prepareStatement("UPDATE gp_publication SET page_url = ?, status = ?,"
        + " version = ?, first_attempt_at = ?, attempts = ?, updated_at = ?, post_id = ?, post_url = ?,"
        + " scheduled_at = ?, reason = ?, message = ?, captcha_sid = ?, captcha_image_url = ?,"
        + " captcha_redirect_uri = ?, settled_at = ?"
        + " WHERE idempotency_key = ? AND platform = ? AND page_id = ? AND version = ?")) {
      update.setString(1, updated.page().url());
      update.setString(2, updated.status().name());
      update.setLong(3, updated.version());
      Jdbc.setInstant(update, 4, updated.firstAttemptAt());
      update.setInt(5, updated.attempts());
      Jdbc.setInstant(update, 6, updated.updatedAt());
      update.setString(7, updated.postId());
      update.setString(8, updated.url());
      Jdbc.setInstant(update, 9, updated.scheduledAt());
      FailureReason reason = updated.reason();
      update.setString(10, reason == null ? null : reason.name());
      update.setString(11, updated.message());
      Captcha captcha = updated.captcha();
      update.setString(12, captcha == null ? null : captcha.sid());
      update.setString(13, captcha == null ? null : captcha.imageUrl());
      update.setString(14, captcha == null ? null : captcha.redirectUri());
      Jdbc.setInstant(update, 15, updated.settledAt());
      update.setString(16, expected.idempotencyKey());
      update.setString(17, expected.page().platform().name());
      update.setString(18, expected.page().id());
      update.setLong(19, expected.version());
      return update.executeUpdate() == 1;
    }
  }

  private static void bind(PreparedStatement statement, JournalEntry entry) throws SQLException {
    statement.setString(1, entry.idempotencyKey());
    statement.setString(2, entry.page().platform().name());
    statement.setString(3, entry.page().id());
    statement.setString(4, entry.page().url());
    statement.setString(5, entry.status().name());
    statement.setLong(6, entry.version());
    Jdbc.setInstant(statement, 7, entry.firstAttemptAt());
    statement.setInt(8, entry.attempts());
    Jdbc.setInstant(statement, 9, entry.updatedAt());
    statement.setString(10, entry.postId());
    statement.setString(11, entry.url());
    Jdbc.setInstant(statement, 12, entry.scheduledAt());
    FailureReason reason = entry.reason();
    statement.setString(13, reason == null ? null : reason.name());
    statement.setString(14, entry.message());
    Captcha captcha = entry.captcha();
    statement.setString(15, captcha == null ? null : captcha.sid());
    statement.setString(16, captcha == null ? null : captcha.imageUrl());
    statement.setString(17, captcha == null ? null : captcha.redirectUri());
    Jdbc.setInstant(statement, 18, entry.settledAt());
  }

  private static JournalEntry entry(ResultSet rows) throws SQLException {
    PlatformId platform = PlatformId.of(Jdbc.requireString(rows, "platform"));
    JournalEntry.Builder entry = JournalEntry.builder()
        .idempotencyKey(Jdbc.requireString(rows, "idempotency_key"))
        .page(StoreJson.page(platform, Jdbc.requireString(rows, "page_id"), rows.getString("page_url")))
        .status(JournalStatus.valueOf(Jdbc.requireString(rows, "status")))
        .version(rows.getLong("version"))
        .firstAttemptAt(Jdbc.requireInstant(rows, "first_attempt_at"))
        .attempts(rows.getInt("attempts"))
        .updatedAt(Jdbc.requireInstant(rows, "updated_at"))
        .postId(rows.getString("post_id"))
        .url(rows.getString("post_url"))
        .scheduledAt(Jdbc.getInstant(rows, "scheduled_at"))
        .message(rows.getString("message"))
        .settledAt(Jdbc.getInstant(rows, "settled_at"));
    String reason = rows.getString("reason");
    if (reason != null) entry.reason(FailureReason.valueOf(reason));
    String sid = rows.getString("captcha_sid");
    String image = rows.getString("captcha_image_url");
    if (sid != null && image != null) entry.captcha(new Captcha(sid, image, rows.getString("captcha_redirect_uri")));
    return entry.build();
  }
}
