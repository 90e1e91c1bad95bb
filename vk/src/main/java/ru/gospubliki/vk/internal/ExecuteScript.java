package ru.gospubliki.vk.internal;

import java.util.List;

/**
 * Builds VKScript for {@code execute}: up to 25 {@code wall.get} calls in one request, returning an
 * array with one element per call ({@code false} where the call failed).
 */
public final class ExecuteScript {
  private ExecuteScript() {}

  /** One wall page to read: community {@code groupId} from {@code offset}. */
  public record WallPage(long groupId, int offset) {}

  public static String wallGet(List<WallPage> pages, int count) {
    if (pages.isEmpty() || pages.size() > Reader.CALLS_PER_EXECUTE) {
      throw new IllegalArgumentException("execute takes 1..25 calls: " + pages.size());
    }
    StringBuilder code = new StringBuilder("return [");
    for (int i = 0; i < pages.size(); i++) {
      WallPage page = pages.get(i);
      if (i > 0) code.append(',');
      code.append("API.wall.get({\"owner_id\":-").append(page.groupId())
          .append(",\"offset\":").append(page.offset())
          .append(",\"count\":").append(count)
          .append(",\"filter\":\"all\"})");
    }
    return code.append("];").toString();
  }
}
