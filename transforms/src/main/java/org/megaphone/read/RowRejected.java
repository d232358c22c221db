package org.megaphone.read;

/** Thrown by a table's row rule: the row goes to rejects.csv with this message as reason. */
public final class RowRejected extends RuntimeException {
  public RowRejected(String reason) {
    super(reason, null, false, false);
  }
}
