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
 * A regular file laid out the same way (a sparse file with each value at its MSR's offset) reads the same.
 */
public final class MsrDevice implements VmxInstructions {

  /** An MSR is 64 bits: 8 bytes at its offset. */
  private static final int MSR_BYTES = Long.BYTES;

  private final Path path;

  /** A reader of the device or file at {@code path}; nothing is opened until the first read. */
  public MsrDevice(Path path) {
    this.path = path;
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
    try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
      while (buffer.hasRemaining()) {
        int read = channel.read(buffer, offset + buffer.position());
        if (read < 0) {
          throw new IOException(String.format("MSR 0x%X: %s ends after %d of the 8 bytes at offset %d",
              msr, path, buffer.position(), offset));
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
