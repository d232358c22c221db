package org.megaphone.pipelines.options;

/** The command line is wrong: exit 2 with this one-line message. */
public final class UsageException extends RuntimeException {
  public UsageException(String message) {
    super(message);
  }
}
