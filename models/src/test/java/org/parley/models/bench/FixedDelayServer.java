package org.parley.models.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;

/**
 * The provider of the benchmark: an OpenAI chat-completions endpoint on 127.0.0.1 that answers
 * every request with the same pre-rendered completion after a fixed delay.
 *
 * <p>A real provider does its work on its own machines; this one shares the benchmark's two
 * cores with the client, so it is built to take as little of them as an HTTP/1.1 server can: one
 * selector thread, keep-alive connections, requests framed by {@code Content-Length} and not
 * otherwise parsed, and the delay kept as a FIFO of deadlines (every answer waits the same time,
 * so deadlines arrive in order) rather than a sleeping thread per request.
 */
final class FixedDelayServer implements AutoCloseable {
    private static final byte[] END_OF_HEADERS = {'\r', '\n', '\r', '\n'};
    private static final byte[] CONTENT_LENGTH = "content-length:".getBytes(StandardCharsets.US_ASCII);

    private final long delayNanos;
    private final ByteBuffer answer;
    private final ServerSocketChannel listener;
    private final Selector selector;
    private final Thread loop;
    /** Answers not yet due, in deadline order. */
    private final ArrayDeque<Pending> due = new ArrayDeque<>();
    private volatile int maxInFlight;
    private int inFlight;
    private volatile boolean closed;

    private record Pending(long deadline, Connection connection) {}

    /** One client connection: what it has sent that is not yet a whole request, and what is left to write. */
    private static final class Connection {
        final SocketChannel channel;
        ByteBuffer in = ByteBuffer.allocate(8192);
        final ArrayDeque<ByteBuffer> out = new ArrayDeque<>();

        Connection(SocketChannel channel) {
            this.channel = channel;
        }
    }

    FixedDelayServer(long delayMillis) {
        this.delayNanos = TimeUnit.MILLISECONDS.toNanos(delayMillis);
        byte[] body = ("{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion\",\"created\":1700000000,"
                + "\"model\":\"bench-model\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\","
                + "\"content\":\"{\\\"kind\\\":\\\"speak\\\",\\\"text\\\":\\\"Fine, let us meet at noon.\\\"}\"},"
                + "\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":12,\"completion_tokens\":13,"
                + "\"total_tokens\":25}}").getBytes(StandardCharsets.UTF_8);
        byte[] head = ("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + body.length
                + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        answer = ByteBuffer.allocateDirect(head.length + body.length).put(head).put(body).flip().asReadOnlyBuffer();
        try {
            selector = Selector.open();
            listener = ServerSocketChannel.open();
            listener.bind(new InetSocketAddress("127.0.0.1", 0), 4096);
            listener.configureBlocking(false);
            listener.register(selector, SelectionKey.OP_ACCEPT);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        loop = Thread.ofPlatform().name("fixed-delay-server").daemon().start(this::serve);
    }

    String baseUrl() {
        return "http://127.0.0.1:" + listener.socket().getLocalPort() + "/v1";
    }

    /** Most requests the server held at once (received, not yet answered). */
    int maxInFlight() {
        return maxInFlight;
    }

    private void serve() {
        try {
            while (!closed) {
                Pending next = due.peekFirst();
                if (next == null) {
                    selector.select();
                } else {
                    long wait = next.deadline - System.nanoTime();
                    if (wait > 0) {
                        selector.select(Math.max(1, TimeUnit.NANOSECONDS.toMillis(wait)));
                    } else {
                        selector.selectNow();
                    }
                }
                for (var it = selector.selectedKeys().iterator(); it.hasNext(); ) {
                    SelectionKey key = it.next();
                    it.remove();
                    handle(key);
                }
                answerDue();
            }
        } catch (IOException e) {
            if (!closed) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private void handle(SelectionKey key) throws IOException {
        if (!key.isValid()) {
            return;
        }
        if (key.isAcceptable()) {
            SocketChannel channel = listener.accept();
            if (channel != null) {
                channel.configureBlocking(false);
                channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
                channel.register(selector, SelectionKey.OP_READ, new Connection(channel));
            }
            return;
        }
        var connection = (Connection) key.attachment();
        try {
            if (key.isReadable()) {
                read(key, connection);
            }
            if (key.isValid() && key.isWritable()) {
                flush(key, connection);
            }
        } catch (IOException clientWentAway) {
            key.cancel();
            connection.channel.close();
        }
    }

    private void read(SelectionKey key, Connection c) throws IOException {
        if (!c.in.hasRemaining()) {
            c.in = ByteBuffer.allocate(c.in.capacity() * 2).put(c.in.flip());
        }
        if (c.channel.read(c.in) < 0) {
            key.cancel();
            c.channel.close();
            return;
        }
        // Take every whole request off the front of the buffer.
        while (true) {
            int headerEnd = indexOf(c.in, END_OF_HEADERS);
            if (headerEnd < 0) {
                return;
            }
            int length = headerEnd + END_OF_HEADERS.length + contentLength(c.in, headerEnd);
            if (c.in.position() < length) {
                return;
            }
            c.in.flip().position(length);
            c.in.compact();
            due.addLast(new Pending(System.nanoTime() + delayNanos, c));
            inFlight++;
            if (inFlight > maxInFlight) {
                maxInFlight = inFlight;
            }
        }
    }

    private void answerDue() throws IOException {
        long now = System.nanoTime();
        while (!due.isEmpty() && due.peekFirst().deadline - now <= 0) {
            Connection c = due.pollFirst().connection;
            inFlight--;
            SelectionKey key = c.channel.keyFor(selector);
            if (key == null || !key.isValid()) {
                continue;
            }
            c.out.addLast(answer.duplicate());
            try {
                flush(key, c);
            } catch (IOException clientWentAway) {
                key.cancel();
                c.channel.close();
            }
        }
    }

    private static void flush(SelectionKey key, Connection c) throws IOException {
        while (!c.out.isEmpty()) {
            ByteBuffer head = c.out.peekFirst();
            c.channel.write(head);
            if (head.hasRemaining()) {
                key.interestOps(SelectionKey.OP_READ | SelectionKey.OP_WRITE);
                return;
            }
            c.out.pollFirst();
        }
        key.interestOps(SelectionKey.OP_READ);
    }

    /** Position of {@code pattern} among the bytes read so far, or -1. */
    private static int indexOf(ByteBuffer in, byte[] pattern) {
        int end = in.position() - pattern.length;
        outer:
        for (int i = 0; i <= end; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (in.get(i + j) != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /** The Content-Length header's value among the first {@code headerEnd} bytes (0 when absent). */
    private static int contentLength(ByteBuffer in, int headerEnd) {
        outer:
        for (int i = 0; i + CONTENT_LENGTH.length <= headerEnd; i++) {
            for (int j = 0; j < CONTENT_LENGTH.length; j++) {
                if (Character.toLowerCase(in.get(i + j)) != CONTENT_LENGTH[j]) {
                    continue outer;
                }
            }
            int value = 0;
            for (int k = i + CONTENT_LENGTH.length; k < headerEnd; k++) {
                byte b = in.get(k);
                if (b >= '0' && b <= '9') {
                    value = value * 10 + (b - '0');
                } else if (b != ' ') {
                    break;
                }
            }
            return value;
        }
        return 0;
    }

    @Override
    public void close() {
        closed = true;
        selector.wakeup();
        try {
            loop.join(5_000);
            for (SelectionKey key : selector.keys()) {
                key.channel().close();
            }
            selector.close();
        } catch (IOException | InterruptedException e) {
            // closing anyway
        }
    }
}
