package ru.gospubliki.examples.cli;

/** Bad usage or bad input: the message is a one-line Russian explanation; exit code 2. */
final class UsageException extends Exception {
  UsageException(String message) {
    super(message, null, false, false);
  }
}
