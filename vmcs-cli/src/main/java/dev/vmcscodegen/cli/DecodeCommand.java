package dev.vmcscodegen.cli;

import picocli.CommandLine.Command;

/**
 * {@code vmcs decode}: the group of decoders for raw values read from a VMCS. It does nothing itself;
 * naming no decoder is a usage error.
 */
@Command(name = "decode",
    mixinStandardHelpOptions = true,
    description = "Decode a raw VMCS value: field encoding, exit reason, interruption information,"
        + " exit qualification, VM-instruction error.",
    subcommands = {
        DecodeFieldCommand.class,
        DecodeExitReasonCommand.class,
        DecodeInterruptionInfoCommand.class,
        DecodeQualificationCommand.class,
        DecodeInstructionErrorCommand.class})
public final class DecodeCommand {
}
