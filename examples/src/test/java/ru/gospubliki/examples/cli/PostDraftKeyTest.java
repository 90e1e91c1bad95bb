package ru.gospubliki.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ru.gospubliki.model.PageRef;

/** The tool's idempotency key (the SDK's content-derived default): the same draft gives the same key, any different draft another. */
final class PostDraftKeyTest {
  @TempDir Path dir;

  @Test
  void keyFollowsThePhotoContentNotItsNameAndSize() throws Exception {
    Path photo = dir.resolve("news.jpg");
    Files.write(photo, new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 1, 2, 3});
    String first = key("Новости", List.of(photo));
    assertThat(key("Новости", List.of(photo))).isEqualTo(first);

    Files.write(photo, new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 9, 9, 9}); // same name and size
    assertThat(key("Новости", List.of(photo))).isNotEqualTo(first);
  }

  @Test
  void textAndOtherFieldsCannotBeShiftedIntoEachOther() throws Exception {
    assertThat(key("ab", List.of())).isNotEqualTo(key("a", List.of()));
    assertThat(key("Новости", List.of())).startsWith("c1-").hasSize(3 + 48);
  }

  @Test
  void aPhotoPastTheTargetsLimitIsNotRead() throws Exception {
    Path photo = dir.resolve("big.jpg");
    Files.write(photo, new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 1, 2, 3});
    String first = key("Новости", List.of(photo), 5);
    Files.write(photo, new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 9, 9, 9});
    // Larger than the limit: only its size counts (the draft will be refused, the key never used).
    assertThat(key("Новости", List.of(photo), 5)).isEqualTo(first)
        .isNotEqualTo(key("Новости", List.of(photo), Long.MAX_VALUE));
  }

  private static String key(String text, List<Path> photos) throws UsageException {
    return key(text, photos, Long.MAX_VALUE);
  }

  private static String key(String text, List<Path> photos, long readablePhotoBytes) throws UsageException {
    PostCommand.Options options = new PostCommand.Options(List.of(PageRef.parse("vk:1")), text, photos, null, null,
        new PlatformAccess(false, HttpUrl.get("http://127.0.0.1/vk/method/"), HttpUrl.get("http://127.0.0.1/ok/fb.do"),
            HttpUrl.get("http://127.0.0.1/max/"),
            Credentials.fromEnvironment(Map.of())));
    return PostCommand.draft(options, readablePhotoBytes).idempotencyKey();
  }
}
