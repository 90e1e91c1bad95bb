package ru.gospubliki.examples;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import ru.gospubliki.examples.sandbox.Sandbox;
import ru.gospubliki.model.DraftPhoto;
import ru.gospubliki.model.PageRef;
import ru.gospubliki.model.PostDraft;
import ru.gospubliki.ok.OkPlatform;
import ru.gospubliki.platform.PublishResult;
import ru.gospubliki.publish.CrossPostResult;
import ru.gospubliki.publish.CrossPoster;
import ru.gospubliki.vk.VkPlatform;

/**
 * Publishes one news item with a photo to an institution's VK and OK pages at once, as a site
 * builder does when an editor presses "опубликовать в соцсетях": {@link CrossPoster} checks the
 * draft for both platforms first, then gives one definite result per page.
 *
 * <pre>
 * java -cp examples/target/gospubliki.jar ru.gospubliki.examples.CrossPostNews [photo.jpg]
 * </pre>
 *
 * It posts to the embedded sandbox's {@code school1_zarechny} pages; without a photo file it draws one.
 */
public final class CrossPostNews {
  /** The sandbox's «МБОУ СОШ № 1 с. Заречное» pages. */
  static final List<PageRef> TARGETS = List.of(
      PageRef.parse("https://vk.com/school1_zarechny"), PageRef.parse("https://ok.ru/group/53350000000102"));

  private CrossPostNews() {}

  public static void main(String[] args) throws IOException {
    DraftPhoto photo = args.length > 0 ? DraftPhoto.fromPath(Path.of(args[0])) : DraftPhoto.fromBytes("news.png", drawPhoto());
    try (Sandbox sandbox = Sandbox.startWithSampleData()) {
      for (PublishResult result : post(sandbox, photo).results()) {
        String detail = result instanceof PublishResult.Published published ? published.url() : result.toString();
        System.out.println(result.page().url() + ": " + result.status() + " " + detail);
      }
    }
  }

  /** Posts the news item with {@code photo} to {@link #TARGETS} on the sandbox. */
  public static CrossPostResult post(Sandbox sandbox, DraftPhoto photo) {
    VkPlatform vk = VkPlatform.builder().baseUrl(sandbox.vkApiUrl()).userToken(sandbox.vkUserToken()).build();
    OkPlatform ok = OkPlatform.builder()
        .baseUrl(sandbox.okApiUrl())
        .applicationKey(sandbox.okApplicationKey())
        .applicationSecretKey(sandbox.okApplicationSecretKey())
        .accessToken(sandbox.okAccessToken())
        .build();
    PostDraft draft = PostDraft.builder()
        .text("Открыта запись в первый класс на 2027/2028 учебный год. Заявления принимаются на Госуслугах.")
        .addHashtags("школа1", "госпаблик")
        .addPhotos(photo)
        .build();
    return CrossPoster.builder().addPlatform(vk).addPlatform(ok).build().post(draft, TARGETS);
  }

  /** A plain 1200×800 PNG, so the example runs with no file at hand. */
  static byte[] drawPhoto() throws IOException {
    BufferedImage image = new BufferedImage(1200, 800, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setColor(new Color(0x2787F5));
    g.fillRect(0, 0, 1200, 800);
    g.dispose();
    ByteArrayOutputStream png = new ByteArrayOutputStream();
    ImageIO.write(image, "png", png);
    return png.toByteArray();
  }
}
