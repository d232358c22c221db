package org.megaphone.read;

import java.io.Closeable;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/**
 * One canonical input file read as a stream (contract section 2, D6): its bytes are counted and
 * hashed as they pass, gunzipped when the name ends in {@code .gz} (every member of a concatenated
 * gzip; anything else after the gzip data is an error), and decoded as strict UTF-8 with or without
 * a BOM. The file is never held whole. An error names the file and what is wrong with it: for text
 * that is not UTF-8, the line and byte offset of the first bad byte and the encoding it looks like;
 * for gzip, "truncated" or "garbage after the gzip data".
 *
 * <p>{@link #bytes()} and {@link #sha256()} are those of the whole file once {@link #reader()} has
 * been read to its end.
 */
public final class TextInput implements Closeable {
  private final InputStream raw;
  private final MessageDigest digest;
  private final Counting counted;
  private final Utf8Reader reader;

  private TextInput(String fileName, InputStream file) {
    this.raw = file;
    try {
      this.digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    this.counted = new Counting(new DigestInputStream(file, digest));
    InputStream plain = fileName.endsWith(".gz") ? new Gunzip(fileName, counted) : counted;
    this.reader = new Utf8Reader(fileName, plain);
  }

  /**
   * The gunzipped bytes of a {@code .gz} file: every member of a concatenated gzip, and an {@link
   * InputException} naming the file when it is truncated, not gzip, or followed by garbage.
   */
  public static InputStream gunzip(String fileName, InputStream compressed) {
    return new Gunzip(fileName, compressed);
  }

  /** Opens a file's bytes for reading as text; {@code fileName} names it in messages. */
  public static TextInput open(String fileName, InputStream file) {
    return new TextInput(fileName, file);
  }

  /**
   * Opens a later part of a file's bytes ({@link FileSplits}), which starts at a line start: a
   * U+FEFF there is text, not a byte-order mark. The places in an error message are the part's.
   */
  public static TextInput openPart(String fileName, InputStream part) {
    TextInput text = new TextInput(fileName, part);
    text.reader.started = true;
    return text;
  }

  /** Counts the bytes read in {@link LiveCounts}, for progress lines (the pipeline's readers). */
  public TextInput countedLive() {
    counted.live = true;
    return this;
  }

  /** The file's text, BOM dropped. */
  public Reader reader() {
    return reader;
  }

  /** The size of the file, once read. */
  public long bytes() throws IOException {
    drain();
    return counted.count;
  }

  /** The SHA-256 of the file's bytes in hex, once read. */
  public String sha256() throws IOException {
    drain();
    return HexFormat.of().formatHex(digest.digest());
  }

  /** Reads what the text did not need (nothing, for a plain file) so the counts cover it all. */
  private void drain() throws IOException {
    byte[] skip = new byte[8192];
    while (counted.read(skip) >= 0) {
      // counted and hashed on the way
    }
  }

  @Override
  public void close() throws IOException {
    raw.close();
  }

  /** Counts the bytes that pass. */
  private static final class Counting extends FilterInputStream {
    long count;

    Counting(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        count++;
        if (live) {
          LiveCounts.bytes(1);
        }
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      if (n > 0) {
        count += n;
        if (live) {
          LiveCounts.bytes(n);
        }
      }
      return n;
    }

    /** Whether the bytes read count in {@link LiveCounts} (the pipeline's read steps). */
    boolean live;

    /** No mark and reset: bytes read again after a reset would be counted and hashed twice. */
    @Override
    public boolean markSupported() {
      return false;
    }

    @Override
    public synchronized void mark(int readlimit) {}

    @Override
    public synchronized void reset() throws IOException {
      throw new IOException("mark/reset not supported");
    }

    @Override
    public long skip(long n) throws IOException {
      // Skipped bytes are read all the same, so that they are counted and hashed.
      byte[] b = new byte[8192];
      long done = 0;
      while (done < n) {
        int r = read(b, 0, (int) Math.min(b.length, n - done));
        if (r < 0) {
          break;
        }
        done += r;
      }
      return done;
    }
  }

  /** Gzip (commons-compress, which refuses trailing garbage), with the file in its messages. */
  private static final class Gunzip extends InputStream {
    private final String fileName;
    private final InputStream compressed;
    private InputStream in;

    Gunzip(String fileName, InputStream compressed) {
      this.fileName = fileName;
      this.compressed = compressed;
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      try {
        if (in == null) {
          in = new GzipCompressorInputStream(compressed, true);
        }
        return in.read(b, off, len);
      } catch (EOFException e) {
        throw new InputException(
            fileName
                + ": truncated gzip: the file ends inside its compressed data"
                + " (an interrupted download or copy?)",
            e);
      } catch (IOException e) {
        String m = String.valueOf(e.getMessage());
        if (m.startsWith("Garbage")) {
          throw new InputException(
              fileName + ": garbage after the gzip data: bytes that are not gzip follow its end",
              e);
        }
        if (m.contains("not in the .gz format")) {
          throw new InputException(fileName + ": cannot be read as gzip: it is not gzip data", e);
        }
        throw new InputException(fileName + ": cannot be read as gzip: " + m, e);
      }
    }
  }

  /** Strict UTF-8 that says where the first bad byte is and what the text looks like instead. */
  private static final class Utf8Reader extends Reader {
    private static final int SAMPLE = 4096;
    private final String fileName;
    private final InputStream in;
    private final CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private final ByteBuffer bytes = ByteBuffer.allocate(8192);

    /** Byte offset, in the text, of {@code bytes}' index 0. */
    private long base;

    private boolean endOfBytes;
    private boolean finished;
    private int pending = -1;
    private boolean started;
    private byte[] sample;
    private long line = 1;
    private boolean afterCr;

    Utf8Reader(String fileName, InputStream in) {
      this.fileName = fileName;
      this.in = in;
      bytes.flip();
    }

    @Override
    public int read(char[] cbuf, int off, int len) throws IOException {
      if (len == 0) {
        return 0;
      }
      int n = decode(cbuf, off, len);
      if (n > 0 && !started) {
        started = true;
        if (cbuf[off] == '\uFEFF') {
          System.arraycopy(cbuf, off + 1, cbuf, off, n - 1);
          n--;
          if (n == 0) {
            return read(cbuf, off, len);
          }
        }
      }
      if (n > 0) {
        countLines(cbuf, off, n);
      }
      return n;
    }

    /** Decodes into the buffer; -1 at the end of the text. */
    private int decode(char[] cbuf, int off, int len) throws IOException {
      if (pending >= 0) {
        cbuf[off] = (char) pending;
        pending = -1;
        return 1;
      }
      if (finished) {
        return -1;
      }
      CharBuffer out = CharBuffer.wrap(cbuf, off, len);
      while (true) {
        CoderResult result = decoder.decode(bytes, out, endOfBytes);
        if (result.isError()) {
          countLines(cbuf, off, out.position() - off);
          throw notUtf8(base + bytes.position(), bytes.get(bytes.position()) & 0xFF);
        }
        if (endOfBytes && result.isUnderflow()) {
          decoder.flush(out);
          finished = true;
          break;
        }
        if (out.position() > off) {
          break;
        }
        if (result.isOverflow()) {
          // Room for one char and the next is a surrogate pair: hand out its first half.
          CharBuffer two = CharBuffer.allocate(2);
          CoderResult r = decoder.decode(bytes, two, endOfBytes);
          if (r.isError()) {
            throw notUtf8(base + bytes.position(), bytes.get(bytes.position()) & 0xFF);
          }
          two.flip();
          cbuf[off] = two.get();
          if (two.hasRemaining()) {
            pending = two.get();
          }
          return 1;
        }
        refill();
      }
      int n = out.position() - off;
      return n == 0 ? -1 : n;
    }

    private void refill() throws IOException {
      base += bytes.position();
      bytes.compact();
      int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
      if (n < 0) {
        endOfBytes = true;
      } else {
        bytes.position(bytes.position() + n);
      }
      bytes.flip();
      if (sample == null && base == 0) {
        sample = new byte[Math.min(SAMPLE, bytes.remaining())];
        bytes.duplicate().get(sample);
      }
    }

    private void countLines(char[] cbuf, int off, int n) {
      for (int i = off; i < off + n; i++) {
        char c = cbuf[i];
        if (c == '\n') {
          if (!afterCr) {
            line++;
          }
          afterCr = false;
        } else {
          afterCr = c == '\r';
          if (afterCr) {
            line++;
          }
        }
      }
    }

    private InputException notUtf8(long offset, int bad) {
      return new InputException(
          String.format(
              Locale.ROOT,
              "%s: is not valid UTF-8 text: byte 0x%02X at line %d (byte offset %d%s); %s;"
                  + " save it as UTF-8",
              fileName,
              bad,
              line,
              offset,
              fileName.endsWith(".gz") ? " of the gunzipped text" : "",
              looksLike(bad)));
    }

    /** A guess at the file's encoding from its first bytes and the first bad one. */
    private String looksLike(int bad) {
      byte[] s = sample == null ? new byte[0] : sample;
      if (s.length >= 2 && (s[0] & 0xFF) == 0xFF && (s[1] & 0xFF) == 0xFE) {
        return "it starts with a UTF-16LE byte-order mark (Excel's \"Unicode text\")";
      }
      if (s.length >= 2 && (s[0] & 0xFF) == 0xFE && (s[1] & 0xFF) == 0xFF) {
        return "it starts with a UTF-16BE byte-order mark";
      }
      int zeroEven = 0;
      int zeroOdd = 0;
      for (int i = 0; i < s.length; i++) {
        if (s[i] == 0) {
          if (i % 2 == 0) {
            zeroEven++;
          } else {
            zeroOdd++;
          }
        }
      }
      if (zeroOdd > s.length / 4) {
        return "it looks like UTF-16LE (every other byte is zero)";
      }
      if (zeroEven > s.length / 4) {
        return "it looks like UTF-16BE (every other byte is zero)";
      }
      if (bad >= 0x80) {
        String asWindows = new String(new byte[] {(byte) bad}, Charset.forName("windows-1252"));
        return "it looks like Windows-1252 or Latin-1 (ISO-8859-1), where that byte is '"
            + asWindows
            + "'";
      }
      return "it is not UTF-8";
    }

    @Override
    public void close() throws IOException {
      in.close();
    }
  }
}
