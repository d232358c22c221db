package org.megaphone.read;

/**
 * The input cannot be used at all (unreadable file, missing required column, invalid roster): the
 * run stops with this message (contract section 3).
 */
public final class InputException extends RuntimeException {
  public InputException(String message) {
    super(message);
  }

  public InputException(String message, Throwable cause) {
    super(message, cause);
  }
}
