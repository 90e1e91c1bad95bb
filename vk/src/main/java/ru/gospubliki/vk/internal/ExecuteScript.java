package ru.gospubliki.vk.internal;

import java.util.List;

/**
 * Builds the VKScript for {@code execute}: up to 25 {@code wall.get} calls in one request, each
 * wall answered as parallel arrays of only the fields the publication rules read (VKScript's
 * {@code @.} operator takes one field of every element of an array: {@code w.items@.date}), so
 * the answer stays well under VK's 5 MB limit for {@code execute}.
 *
 * <p>Per wall the answer is an object ({@link VkJson.WallSlice}) with {@code count} and one array
 * per field: {@code id, owner, from, date, text, att} (attachment types of each post), {@code pin,
 * ads, views, likes, reposts, comments, copy} (ids of reposted posts); a failed {@code wall.get}
 * leaves every field null and its error in {@code execute_errors}. {@code a0} and {@code c0} are
 * the first post's attachment types and repost ids read without nested projection: the adapter
 * compares them with {@code att[0]} and {@code copy[0]}, and when the nested projection does not
 * agree it reads whole attachment and repost objects instead ({@link Projection#WHOLE}).
 */
public final class ExecuteScript {
  /** At most 25 API calls in one {@code execute}. */
  public static final int MAX_CALLS = 25;

  /** How attachments and reposts are read. */
  public enum Projection {
    /** Type names and ids only: {@code items@.attachments@.type}. */
    NESTED,
    /** Whole attachment and repost objects: larger answers, no reliance on nested projection. */
    WHOLE
  }

  private ExecuteScript() {}

  /** One wall page to read: community {@code groupId} from {@code offset}, {@code count} posts. */
  public record WallPage(long groupId, int offset, int count) {}

  public static String wallGet(List<WallPage> pages, Projection projection) {
    if (pages.isEmpty() || pages.size() > MAX_CALLS) {
      throw new IllegalArgumentException("execute takes 1.." + MAX_CALLS + " calls: " + pages.size());
    }
    StringBuilder code = new StringBuilder();
    for (int i = 0; i < pages.size(); i++) {
      WallPage page = pages.get(i);
      code.append("var w").append(i).append("=API.wall.get({\"owner_id\":-").append(page.groupId())
          .append(",\"offset\":").append(page.offset())
          .append(",\"count\":").append(page.count())
          .append(",\"filter\":\"all\"});");
    }
    code.append("return [");
    for (int i = 0; i < pages.size(); i++) {
      String w = "w" + i;
      String items = w + ".items";
      if (i > 0) code.append(',');
      code.append("{\"count\":").append(w).append(".count")
          .append(",\"id\":").append(items).append("@.id")
          .append(",\"owner\":").append(items).append("@.owner_id")
          .append(",\"from\":").append(items).append("@.from_id")
          .append(",\"date\":").append(items).append("@.date")
          .append(",\"text\":").append(items).append("@.text")
          .append(",\"att\":").append(items).append(projection == Projection.NESTED ? "@.attachments@.type" : "@.attachments")
          .append(",\"pin\":").append(items).append("@.is_pinned")
          .append(",\"ads\":").append(items).append("@.marked_as_ads")
          .append(",\"views\":").append(items).append("@.views@.count")
          .append(",\"likes\":").append(items).append("@.likes@.count")
          .append(",\"reposts\":").append(items).append("@.reposts@.count")
          .append(",\"comments\":").append(items).append("@.comments@.count")
          .append(",\"copy\":").append(items).append(projection == Projection.NESTED ? "@.copy_history@.id" : "@.copy_history");
      if (projection == Projection.NESTED) {
        code.append(",\"a0\":").append(items).append("[0].attachments@.type")
            .append(",\"c0\":").append(items).append("[0].copy_history@.id");
      }
      code.append('}');
    }
    return code.append("];").toString();
  }
}
