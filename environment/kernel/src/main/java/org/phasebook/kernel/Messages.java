package org.phasebook.kernel;

import io.github.spencerpark.jupyter.messages.Header;
import io.github.spencerpark.jupyter.messages.KernelTimestamp;
import io.github.spencerpark.jupyter.messages.Message;
import io.github.spencerpark.jupyter.messages.MessageContext;
import io.github.spencerpark.jupyter.messages.MessageType;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;

/**
 * Builds the kernel's outgoing messages with a header dated to the microsecond.
 *
 * <p>Why not basekernel's {@code new Message(context, type, content)}: its header dates carry
 * minutes only ({@code 2026-11-29T07:40+0000}), which Jupyter clients cannot parse as dates, so
 * they lose every timing (nbclient's execution times, the front end's elapsed time).
 */
final class Messages {

    private static final DateTimeFormatter ISO_MICROS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

    private Messages() {
    }

    /**
     * A message of {@code type} with {@code content}, in reply to (or published on behalf of)
     * the request {@code parent}; {@code parent} may be null for messages that answer nothing.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static Message<?> of(MessageContext parent, MessageType<?> type, Object content) {
        Header<?> parentHeader = parent == null ? null : parent.getHeader();
        Header header = new Header(UUID.randomUUID().toString(),
                parentHeader == null ? Header.KERNEL_USERNAME : parentHeader.getUsername(),
                parentHeader == null ? null : parentHeader.getSessionId(),
                new KernelTimestamp(ISO_MICROS.format(Instant.now())),
                type, Header.PROTOCOL_VERISON);
        List<byte[]> identities = parent == null ? List.of() : parent.getIdentities();
        return new Message(identities, header, parentHeader, null, content, null);
    }
}
