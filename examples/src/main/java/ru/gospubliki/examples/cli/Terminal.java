package ru.gospubliki.examples.cli;

import java.io.PrintStream;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/** What a command runs with: the environment, the output streams, and the signal that stops a server. */
final class Terminal {
  final Map<String, String> env;
  final PrintStream out;
  final PrintStream err;
  /** Released when the tool is asked to stop (Ctrl+C); commands that serve wait on it. */
  final CountDownLatch stop;

  Terminal(Map<String, String> env, PrintStream out, PrintStream err, CountDownLatch stop) {
    this.env = env;
    this.out = out;
    this.err = err;
    this.stop = stop;
  }
}
