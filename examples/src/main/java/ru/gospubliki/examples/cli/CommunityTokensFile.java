package ru.gospubliki.examples.cli;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code VK_COMMUNITY_TOKENS_FILE}: each community's own VK key, one {@code group_id=token} per
 * line, {@code #} starts a comment, blank lines are skipped. The file holds secrets, so one that
 * others than its owner may read (any group or other permission: {@code chmod 600} is what is
 * wanted) is refused, and no message ever shows a key.
 */
final class CommunityTokensFile {
  static final String VARIABLE = "VK_COMMUNITY_TOKENS_FILE";
  private static final Set<PosixFilePermission> OTHERS = EnumSet.of(
      PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE,
      PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

  private CommunityTokensFile() {}

  /** The keys by community id; every bad line at once in the error, by number, never its key. */
  static Map<Long, String> read(String location) throws UsageException {
    Path file = Path.of(location);
    Set<PosixFilePermission> permissions;
    List<String> lines;
    try {
      try {
        permissions = Files.getPosixFilePermissions(file);
      } catch (UnsupportedOperationException e) {
        permissions = Set.of(); // no POSIX permissions on this file system (Windows): its ACLs guard it
      }
      Set<PosixFilePermission> loose = EnumSet.noneOf(PosixFilePermission.class);
      loose.addAll(permissions);
      loose.retainAll(OTHERS);
      if (!loose.isEmpty()) {
        throw new UsageException(VARIABLE + ": файл «" + file + "» с ключами сообществ доступен не только "
            + "владельцу (" + java.nio.file.attribute.PosixFilePermissions.toString(permissions) + "); ключи в нём "
            + "не используются. Закройте доступ: chmod 600 " + file);
      }
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new UsageException(VARIABLE + ": файл «" + file + "» не найден");
    } catch (CharacterCodingException e) {
      throw new UsageException(VARIABLE + ": файл «" + file + "» не в кодировке UTF-8");
    } catch (IOException e) {
      throw new UsageException(VARIABLE + ": не удалось прочитать файл «" + file + "»");
    }
    Map<Long, String> tokens = new LinkedHashMap<>();
    List<String> problems = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (i == 0 && line.startsWith("\uFEFF")) line = line.substring(1).strip();
      if (line.isEmpty() || line.startsWith("#")) continue;
      int eq = line.indexOf('=');
      String where = "строка " + (i + 1) + ": ";
      if (eq < 0) {
        problems.add(where + "нужно group_id=ключ");
        continue;
      }
      String id = line.substring(0, eq).strip();
      String token = line.substring(eq + 1).strip();
      long groupId;
      try {
        groupId = Long.parseLong(id.startsWith("-") ? id.substring(1) : id);
      } catch (NumberFormatException e) {
        problems.add(where + "номер сообщества «" + id + "» — не число");
        continue;
      }
      if (groupId <= 0) {
        problems.add(where + "номер сообщества должен быть больше нуля");
        continue;
      }
      if (token.isEmpty() || token.chars().anyMatch(c -> c <= ' ' || c > '~')) {
        problems.add(where + "ключ пуст или содержит пробелы и посторонние символы");
        continue;
      }
      if (tokens.put(groupId, token) != null) problems.add(where + "сообщество " + groupId + " уже встречалось");
    }
    if (!problems.isEmpty()) {
      throw new UsageException(VARIABLE + ": в файле «" + file + "» ошибки: " + String.join("; ", problems));
    }
    if (tokens.isEmpty()) throw new UsageException(VARIABLE + ": в файле «" + file + "» нет ни одного ключа");
    return Map.copyOf(tokens);
  }
}
