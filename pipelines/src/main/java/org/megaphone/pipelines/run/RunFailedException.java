package org.megaphone.pipelines.run;

/** The run could not produce trustworthy reports: exit 1 with this message, nothing published. */
public final class RunFailedException extends RuntimeException {
  public RunFailedException(String message) {
    super(message);
  }

  public RunFailedException(String message, Throwable cause) {
    super(message, cause);
  }
}
