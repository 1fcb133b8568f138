package org.phasebook.kernel;

import io.github.spencerpark.jupyter.channels.IOPubChannel;
import io.github.spencerpark.jupyter.channels.JupyterConnection;
import io.github.spencerpark.jupyter.channels.ShellHandler;
import io.github.spencerpark.jupyter.channels.ShellChannel;
import io.github.spencerpark.jupyter.channels.StdinChannel;
import io.github.spencerpark.jupyter.kernel.KernelConnectionProperties;
import io.github.spencerpark.jupyter.messages.HMACGenerator;
import io.github.spencerpark.jupyter.messages.Message;
import io.github.spencerpark.jupyter.messages.MessageType;
import io.github.spencerpark.jupyter.messages.request.ExecuteRequest;
import io.github.spencerpark.jupyter.messages.publish.PublishStatus;
import org.zeromq.ZMQ;

import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The kernel's sockets: basekernel's heartbeat, iopub and stdin channels, with shell and control
 * channels that block on their socket instead of basekernel's poll-then-sleep(50 ms) loop.
 *
 * <p>Why: basekernel's shell loop sleeps 50 ms between polls, which adds 25 ms on average to
 * every request; a blocking poll answers as soon as the message arrives and costs no CPU while
 * idle.
 */
final class KernelConnection extends JupyterConnection {

    private static final Logger LOG = Logger.getLogger(KernelConnection.class.getName());

    private final KernelConnectionProperties properties;
    private final ZMQ.Context context = ZMQ.context(1);
    private final BlockingShellChannel fastShell;
    private final BlockingShellChannel fastControl;
    /**
     * The iopub socket, in the same ZeroMQ context as shell and control: one I/O thread then
     * sends a cell's outputs before its reply, in the order the kernel wrote them.
     */
    private final IOPubChannel sameContextIopub;
    private volatile ShellHandler<ExecuteRequest> abortHandler;

    KernelConnection(KernelConnectionProperties properties) throws NoSuchAlgorithmException, InvalidKeyException {
        super(properties);
        this.properties = properties;
        HMACGenerator hmac = properties.createHMACGenerator();
        this.fastShell = new BlockingShellChannel(context, hmac, false, this);
        this.fastControl = new BlockingShellChannel(context, hmac, true, this);
        this.sameContextIopub = new IOPubChannel(context, hmac);
    }

    @Override
    public IOPubChannel getIOPub() {
        return sameContextIopub;
    }

    /** What to answer to execute requests that are dropped after an error (see {@link #abortQueuedExecutions()}). */
    void setAbortHandler(ShellHandler<ExecuteRequest> handler) {
        this.abortHandler = handler;
    }

    /**
     * After a cell failed with {@code stop_on_error}, the execute requests already waiting (a
     * "Run All" sends them all at once) are answered "aborted" instead of run, as IPython does.
     * Call it from the execute handler <em>before</em> the error reply goes out: the waiting
     * requests are taken off the socket now, so a request the client sends once it has seen the
     * error reply is never among them. They are answered when the handler returns.
     */
    void abortQueuedExecutions() {
        fastShell.takeWaitingForAbort();
    }

    /** The stdin channel, for {@code input_request}s on behalf of a cell reading {@code System.in}. */
    StdinChannel stdinChannel() {
        return stdin;
    }

    @Override
    public void connect() {
        heartbeat.bind(properties);
        fastShell.bind(properties);
        fastControl.bind(properties);
        stdin.bind(properties);
        sameContextIopub.bind(properties);
        sameContextIopub.sendMessage(Messages.of(null, PublishStatus.MESSAGE_TYPE, PublishStatus.STARTING));
    }

    @Override
    public void close() {
        fastShell.stop();
        fastControl.stop();
        for (var socket : List.of(heartbeat, stdin, sameContextIopub, iopub, shell, control)) {
            socket.close();
        }
    }

    @Override
    public void waitUntilClose() {
        fastShell.join();
        fastControl.join();
        heartbeat.waitUntilClose();
        context.close();
    }

    /** A shell or control socket served by one thread that blocks in {@code poll}. */
    private static final class BlockingShellChannel extends ShellChannel {
        private final boolean isControl;
        private final JupyterConnection connection;
        private volatile boolean running;
        private final List<Message> toAbort = new ArrayList<>();
        private ZMQ.Poller poller;
        private Thread thread;

        BlockingShellChannel(ZMQ.Context context, HMACGenerator hmac, boolean isControl, JupyterConnection connection) {
            super(context, hmac, isControl, connection);
            this.isControl = isControl;
            this.connection = connection;
        }

        @Override
        public void bind(KernelConnectionProperties props) {
            int port = isControl ? props.getControlPort() : props.getShellPort();
            bind(props.getTransport() + "://" + props.getIp() + ":" + port);
            poller = ctx.poller(1);
            poller.register(this, ZMQ.Poller.POLLIN);
            running = true;
            thread = new Thread(this::serve, isControl ? "phasebook-control" : "phasebook-shell");
            thread.start();
        }

        @SuppressWarnings({"unchecked", "rawtypes"})
        private void serve() {
            while (running) {
                // A bounded wait, so that stop() is noticed without closing the socket under us.
                if (poller.poll(200) <= 0) {
                    continue;
                }
                Message message;
                try {
                    message = readMessage();
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "Dropped an unreadable message", e);
                    continue;
                }
                if (message == null) {
                    return;
                }
                var handler = connection.getHandler(message.getHeader().getType());
                if (handler == null) {
                    LOG.fine(() -> "No handler for " + message.getHeader().getType().getName());
                    continue;
                }
                var env = connection.prepareReplyEnv(this, message);
                try {
                    handler.handle(env, message);
                } catch (Throwable t) {
                    LOG.log(Level.SEVERE, "Handler for " + message.getHeader().getType().getName() + " failed", t);
                } finally {
                    env.resolveDeferrals();
                }
                if (env.isMarkedForShutdown()) {
                    running = false;
                    connection.close();
                }
                if (!toAbort.isEmpty()) {
                    answerTakenForAbort();
                }
            }
            // jeromq sockets belong to one thread: the serving thread closes its own.
            super.close();
        }

        /**
         * Reads every message already waiting on the socket, to be answered after the running
         * handler returns. Only the serving thread may call it (jeromq sockets belong to one
         * thread), which holds: the execute handler runs on it. Waiting until the handler has
         * returned, as an earlier version did, let a request sent right after the error reply
         * arrive in time to be aborted too.
         */
        void takeWaitingForAbort() {
            if (Thread.currentThread() != thread) {
                throw new IllegalStateException("queued requests can only be aborted from the shell thread");
            }
            while (running && poller.poll(0) > 0) {
                Message message = readMessage();
                if (message == null) {
                    break;
                }
                toAbort.add(message);
            }
        }

        /** Answers the execute requests taken by {@link #takeWaitingForAbort()} "aborted"; serves the rest. */
        @SuppressWarnings({"unchecked", "rawtypes"})
        private void answerTakenForAbort() {
            KernelConnection owner = (KernelConnection) connection;
            List<Message> waiting = new ArrayList<>(toAbort);
            toAbort.clear();
            for (Message message : waiting) {
                var type = message.getHeader().getType();
                ShellHandler handler = type == MessageType.EXECUTE_REQUEST && owner.abortHandler != null
                        ? owner.abortHandler : connection.getHandler(type);
                if (handler == null) {
                    continue;
                }
                var env = connection.prepareReplyEnv(this, message);
                try {
                    handler.handle(env, message);
                } catch (Throwable t) {
                    LOG.log(Level.SEVERE, "Handler for " + type.getName() + " failed", t);
                } finally {
                    env.resolveDeferrals();
                }
            }
        }

        void stop() {
            running = false;
        }

        void join() {
            try {
                if (thread != null && thread != Thread.currentThread()) {
                    thread.join();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        @Override
        public void close() {
            running = false;
        }
    }
}
