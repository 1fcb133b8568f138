package org.phasebook.kernel;

import io.github.spencerpark.jupyter.channels.JupyterSocket;
import io.github.spencerpark.jupyter.messages.MessageContext;
import io.github.spencerpark.jupyter.messages.MessageType;
import io.github.spencerpark.jupyter.messages.publish.PublishStream;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Routes everything the JVM writes to {@code System.out} and {@code System.err} to the notebook,
 * as {@code stream} messages whose parent is the cell that is running, or, once it has finished,
 * the last cell that ran. That way output from a background thread a cell started still shows up
 * (under that cell, or the latest one) instead of being lost or crashing the kernel.
 *
 * <p>Text is batched: it is sent when a cell ends, before any rich output (so the order on screen
 * is the order of the calls), and otherwise at most every {@value #FLUSH_MILLIS} ms, so that a
 * loop printing many short lines does not flood the front end with one message per line.
 */
final class OutputRouter {

    private static final long FLUSH_MILLIS = 50;

    private final JupyterSocket iopub;
    private final Channel out = new Channel(PublishStream.StreamType.OUT);
    private final Channel err = new Channel(PublishStream.StreamType.ERR);
    private volatile MessageContext parent;

    OutputRouter(JupyterSocket iopub) {
        this.iopub = iopub;
        Thread flusher = new Thread(this::flushPeriodically, "phasebook-output");
        flusher.setDaemon(true);
        flusher.start();
    }

    /** Replaces the JVM's standard streams; called once at start-up. */
    void install() {
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    /** Output from now on belongs to the request with this context. */
    void setParent(MessageContext context) {
        flush();
        this.parent = context;
    }

    MessageContext parent() {
        return parent;
    }

    /** Sends whatever text is waiting. */
    void flush() {
        out.send();
        err.send();
    }

    private void flushPeriodically() {
        while (true) {
            try {
                Thread.sleep(FLUSH_MILLIS);
                flush();
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                // A closed socket at shutdown; nothing useful to do.
            }
        }
    }

    /** Publishes a message on iopub with the current parent. */
    void publish(MessageType<?> type, Map<String, Object> content) {
        flush();
        iopub.sendMessage(Messages.of(parent, type, content));
    }

    /** Publishes the kernel's busy or idle state for the request {@code context}. */
    void status(MessageContext context, String state) {
        if (state.equals("idle")) {
            flush();
        }
        iopub.sendMessage(Messages.of(context, MessageType.PUBLISH_STATUS, Map.of("execution_state", state)));
    }

    private final class Channel extends OutputStream {
        private final PublishStream.StreamType type;
        private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
        private final Object sendLock = new Object();

        Channel(PublishStream.StreamType type) {
            this.type = type;
        }

        @Override
        public synchronized void write(int b) {
            pending.write(b);
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) {
            pending.write(b, off, len);
        }

        @Override
        public void flush() {
            // Sending is batched by the router; see the class comment.
        }

        /**
         * Takes the waiting text and publishes it, as one step under the channel's send lock:
         * otherwise the periodic flusher could take the text, be descheduled, and publish it
         * after the end-of-cell flush had found nothing waiting and the shell thread had sent
         * the execute_reply (seen once in the protocol tests: a cell's output 1.8 ms after its
         * reply). Writers are not blocked meanwhile: they take only the buffer's monitor.
         */
        void send() {
            synchronized (sendLock) {
                String text;
                synchronized (this) {
                    if (pending.size() == 0) {
                        return;
                    }
                    text = pending.toString(StandardCharsets.UTF_8);
                    pending.reset();
                }
                MessageContext context = parent;
                if (context == null) {
                    return;  // nothing has run yet: there is no cell to attach the text to
                }
                iopub.sendMessage(Messages.of(context, PublishStream.MESSAGE_TYPE, new PublishStream(type, text)));
            }
        }
    }
}
