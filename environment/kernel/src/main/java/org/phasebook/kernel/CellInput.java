package org.phasebook.kernel;

import io.github.spencerpark.jupyter.channels.StdinChannel;
import io.github.spencerpark.jupyter.messages.MessageContext;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * {@code System.in} for cells: reading asks the front end for a line ({@code input_request})
 * when the running request allows it, and is at end of input otherwise (headless runs).
 */
final class CellInput extends InputStream {

    private final StdinChannel stdin;
    private volatile MessageContext context;
    private volatile boolean allowed;
    private byte[] line = new byte[0];
    private int position;

    CellInput(StdinChannel stdin) {
        this.stdin = stdin;
    }

    /** Called for every execute request. */
    void attach(MessageContext requestContext, boolean allowStdin) {
        this.context = requestContext;
        this.allowed = allowStdin;
        this.line = new byte[0];
        this.position = 0;
    }

    @Override
    public synchronized int read() {
        if (position >= line.length && !fill()) {
            return -1;
        }
        return line[position++] & 0xff;
    }

    @Override
    public synchronized int read(byte[] b, int off, int len) {
        if (len == 0) {
            return 0;
        }
        if (position >= line.length && !fill()) {
            return -1;
        }
        int n = Math.min(len, line.length - position);
        System.arraycopy(line, position, b, off, n);
        position += n;
        return n;
    }

    @Override
    public synchronized int available() {
        return line.length - position;
    }

    private boolean fill() {
        if (!allowed || context == null) {
            return false;
        }
        System.out.flush();
        String text = stdin.getInput(context, "", false);
        line = text.getBytes(StandardCharsets.UTF_8);
        position = 0;
        return line.length > 0;
    }
}
