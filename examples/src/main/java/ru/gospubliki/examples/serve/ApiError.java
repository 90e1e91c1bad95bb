package ru.gospubliki.examples.serve;

import java.util.List;

/**
 * A request the service refuses: its HTTP status and a Russian message for the person or system
 * that sent it, answered as {@code {"error": "..."}} (with {@code problems} for a refused draft).
 */
final class ApiError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  final int status;
  /** Each problem of a draft a target would refuse, for 422; empty otherwise. */
  final transient List<Problem> problems;

  /** One problem of a refused draft. */
  record Problem(String rule, String platform, String severity, String message) {}

  ApiError(int status, String message) {
    this(status, message, List.of());
  }

  ApiError(int status, String message, List<Problem> problems) {
    super(message, null, false, false); // no stack trace: it is an answer, not a fault
    this.status = status;
    this.problems = List.copyOf(problems);
  }

  static ApiError badRequest(String message) {
    return new ApiError(400, message);
  }
}
