package dev.vmcscodegen.cli;

import dev.vmcscodegen.encoding.HostWidth;
import dev.vmcscodegen.runtime.VmxInstructions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * RDMSR through a Linux MSR device, {@code /dev/cpu/N/msr} (the {@code msr} kernel module, readable by
 * root): reading 8 bytes at file offset {@code address} returns the MSR's value, little-endian. Only
 * {@link #rdmsr} works; this backend has no VMCS, so {@link #vmread} and {@link #vmwrite} refuse.
 *
 * <p>No regular file can stand in for the device: MSRs sit at consecutive offsets, so their 8-byte values
 * would overlap. Tests read through the {@link Positional} seam instead.
 */
public final class MsrDevice implements VmxInstructions {

  /** An MSR is 64 bits: 8 bytes at its offset. */
  private static final int MSR_BYTES = Long.BYTES;

  /** Positional reads of the device: fill {@code buffer} from {@code offset}, as {@link FileChannel#read(ByteBuffer, long)}. */
  @FunctionalInterface
  interface Positional {
    /** Reads into {@code buffer} from {@code offset}; the number of bytes read, -1 at the end. */
    int read(ByteBuffer buffer, long offset) throws IOException;
  }

  private final String name;
  private final Positional device;

  /** A reader of the device at {@code path}; it is opened for each read. */
  public MsrDevice(Path path) {
    this(path.toString(), (buffer, offset) -> {
      try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
        return channel.read(buffer, offset);
      }
    });
  }

  /** A reader of {@code device}, called {@code name} in messages: the seam tests use. */
  MsrDevice(String name, Positional device) {
    this.name = name;
    this.device = device;
  }

  /**
   * The 8 bytes at offset {@code msr}, little-endian.
   *
   * @throws UncheckedIOException if the device cannot be opened or read (missing, no permission, the
   *     processor has no such MSR, or the file ends before the 8 bytes)
   */
  @Override
  public long rdmsr(int msr) {
    long offset = Integer.toUnsignedLong(msr);
    ByteBuffer buffer = ByteBuffer.allocate(MSR_BYTES).order(ByteOrder.LITTLE_ENDIAN);
    try {
      while (buffer.hasRemaining()) {
        int read = device.read(buffer, offset + buffer.position());
        if (read < 0) {
          throw new IOException(String.format("MSR 0x%X: %s ends after %d of the 8 bytes at offset %d",
              msr, name, buffer.position(), offset));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return buffer.flip().getLong();
  }

  /** Always refuses: an MSR device has no VMCS. */
  @Override
  public long vmread(int encoding) {
    throw new UnsupportedOperationException("an MSR device has no VMCS to VMREAD");
  }

  /** Always refuses: an MSR device has no VMCS. */
  @Override
  public void vmwrite(int encoding, long value) {
    throw new UnsupportedOperationException("an MSR device has no VMCS to VMWRITE");
  }

  /** The MSR device belongs to a 64-bit Linux host. */
  @Override
  public HostWidth hostWidth() {
    return HostWidth.BITS_64;
  }
}
