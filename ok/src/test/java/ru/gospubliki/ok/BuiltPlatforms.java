package ru.gospubliki.ok;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/** The platforms a test builds, closed after it (their threads and connections), whether it passed or not. */
final class BuiltPlatforms implements AfterEachCallback {
  private final List<OkPlatform> built = new CopyOnWriteArrayList<>();

  /** Builds {@code builder}'s platform, to be closed after the test. */
  OkPlatform open(OkPlatform.Builder builder) {
    OkPlatform platform = builder.build();
    built.add(platform);
    return platform;
  }

  @Override
  public void afterEach(ExtensionContext context) {
    built.forEach(OkPlatform::close);
    built.clear();
  }
}
