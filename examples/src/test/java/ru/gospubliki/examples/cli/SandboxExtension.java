package ru.gospubliki.examples.cli;

import java.time.Clock;
import java.util.Objects;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import ru.gospubliki.examples.sandbox.Sandbox;

/**
 * A sandbox with the sample data shared by the tests of one class: started before the first, stopped
 * after the last. Register it as a static field with {@code @RegisterExtension}.
 */
final class SandboxExtension implements BeforeAllCallback, AfterAllCallback {
  private final Sandbox.Builder builder;
  private Sandbox sandbox;

  SandboxExtension() {
    this(Sandbox.builder());
  }

  /** A sandbox whose "now" is {@code clock}: its sample posts are dated from it. */
  SandboxExtension(Clock clock) {
    this(Sandbox.builder().clock(clock));
  }

  private SandboxExtension(Sandbox.Builder builder) {
    this.builder = builder;
  }

  Sandbox get() {
    return Objects.requireNonNull(sandbox, "sandbox not started: register the extension as a static field");
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    sandbox = builder.build();
  }

  @Override
  public void afterAll(ExtensionContext context) {
    get().close();
  }
}
