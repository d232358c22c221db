package org.megaphone.model;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.beam.sdk.coders.AtomicCoder;
import org.apache.beam.sdk.coders.CannotProvideCoderException;
import org.apache.beam.sdk.coders.CoderProvider;
import org.apache.beam.sdk.coders.CoderProviders;
import org.apache.beam.sdk.coders.CoderRegistry;
import org.apache.beam.sdk.util.VarInt;
import org.apache.beam.sdk.values.TypeDescriptor;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * The building blocks of the model's hand-written coders: var-ints, UTF-8 strings with a var-int
 * length, a length of 0 for null. Beam's schema coders convert every element to a {@code Row} and
 * back; these write the fields in a fixed order and nothing else (runbooks/performance.md).
 */
public final class Wire {
  private Wire() {}

  /**
   * A coder of one model type: deterministic, since every field is written in a fixed order in a
   * canonical form, so that it can key a grouping.
   */
  public abstract static class Coder<T> extends AtomicCoder<T> {
    @Override
    public final void verifyDeterministic() {}

    @Override
    public boolean consistentWithEquals() {
      return true;
    }
  }

  /** What {@code @DefaultCoder} asks of a coder class: the provider of its one instance. */
  public static <T> CoderProvider provider(Class<T> type, Coder<T> coder) {
    return CoderProviders.forCoder(TypeDescriptor.of(type), coder);
  }

  /** The coder {@code @DefaultCoder} names for a model type. */
  public static <T> org.apache.beam.sdk.coders.Coder<T> coder(Class<T> type) {
    try {
      return CoderRegistry.createDefault().getCoder(TypeDescriptor.of(type));
    } catch (CannotProvideCoderException e) {
      throw new IllegalArgumentException("no coder for " + type.getName(), e);
    }
  }

  /** A value that may be null: a presence byte, then the value. */
  public static <T> void writeNullable(
      org.apache.beam.sdk.coders.Coder<T> coder, @Nullable T v, OutputStream out)
      throws IOException {
    writeBoolean(v != null, out);
    if (v != null) {
      coder.encode(v, out);
    }
  }

  public static <T> @Nullable T readNullable(
      org.apache.beam.sdk.coders.Coder<T> coder, InputStream in) throws IOException {
    return readBoolean(in) ? coder.decode(in) : null;
  }

  public static void writeLong(long v, OutputStream out) throws IOException {
    VarInt.encode(v, out);
  }

  public static long readLong(InputStream in) throws IOException {
    return VarInt.decodeLong(in);
  }

  public static void writeInt(int v, OutputStream out) throws IOException {
    VarInt.encode(v, out);
  }

  public static int readInt(InputStream in) throws IOException {
    return VarInt.decodeInt(in);
  }

  public static void writeBoolean(boolean v, OutputStream out) throws IOException {
    out.write(v ? 1 : 0);
  }

  public static boolean readBoolean(InputStream in) throws IOException {
    int b = in.read();
    if (b < 0) {
      throw new EOFException();
    }
    return b != 0;
  }

  public static void writeNullableLong(@Nullable Long v, OutputStream out) throws IOException {
    writeBoolean(v != null, out);
    if (v != null) {
      VarInt.encode(v, out);
    }
  }

  public static @Nullable Long readNullableLong(InputStream in) throws IOException {
    return readBoolean(in) ? VarInt.decodeLong(in) : null;
  }

  /** A string that is never null. */
  public static void writeString(String s, OutputStream out) throws IOException {
    writeNullableString(s, out);
  }

  public static String readString(InputStream in) throws IOException {
    String s = readNullableString(in);
    if (s == null) {
      throw new IOException("a required string was encoded as null");
    }
    return s;
  }

  /** Length + 1 as a var-int (0 for null), then the UTF-8 bytes. */
  public static void writeNullableString(@Nullable String s, OutputStream out) throws IOException {
    if (s == null) {
      out.write(0);
      return;
    }
    byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
    VarInt.encode(bytes.length + 1L, out);
    out.write(bytes);
  }

  public static @Nullable String readNullableString(InputStream in) throws IOException {
    long n = VarInt.decodeLong(in);
    if (n == 0) {
      return null;
    }
    return new String(readBytes(in, Math.toIntExact(n - 1)), StandardCharsets.UTF_8);
  }

  public static void writeStrings(List<String> list, OutputStream out) throws IOException {
    VarInt.encode(list.size(), out);
    for (String s : list) {
      writeString(s, out);
    }
  }

  public static List<String> readStrings(InputStream in) throws IOException {
    int n = VarInt.decodeInt(in);
    List<String> list = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      list.add(readString(in));
    }
    return list;
  }

  /** A signed integer of any size: its two's-complement bytes, length first. */
  public static void writeBigInteger(BigInteger v, OutputStream out) throws IOException {
    byte[] bytes = v.toByteArray();
    VarInt.encode(bytes.length, out);
    out.write(bytes);
  }

  public static BigInteger readBigInteger(InputStream in) throws IOException {
    return new BigInteger(readBytes(in, VarInt.decodeInt(in)));
  }

  /** A decimal: its scale, then its unscaled value. */
  public static void writeBigDecimal(BigDecimal v, OutputStream out) throws IOException {
    VarInt.encode(v.scale(), out);
    writeBigInteger(v.unscaledValue(), out);
  }

  public static BigDecimal readBigDecimal(InputStream in) throws IOException {
    int scale = VarInt.decodeInt(in);
    return new BigDecimal(readBigInteger(in), scale);
  }

  /** A map of strings to longs, in key order (so that equal maps encode equally). */
  public static void writeLongs(Map<String, Long> map, OutputStream out) throws IOException {
    VarInt.encode(map.size(), out);
    for (Map.Entry<String, Long> e : new TreeMap<>(map).entrySet()) {
      writeString(e.getKey(), out);
      VarInt.encode(e.getValue(), out);
    }
  }

  public static Map<String, Long> readLongs(InputStream in) throws IOException {
    int n = VarInt.decodeInt(in);
    Map<String, Long> map = new HashMap<>(n * 2);
    for (int i = 0; i < n; i++) {
      map.put(readString(in), VarInt.decodeLong(in));
    }
    return map;
  }

  private static byte[] readBytes(InputStream in, int n) throws IOException {
    byte[] bytes = new byte[n];
    int off = 0;
    while (off < n) {
      int r = in.read(bytes, off, n - off);
      if (r < 0) {
        throw new EOFException("expected " + n + " bytes, got " + off);
      }
      off += r;
    }
    return bytes;
  }
}
