package io.carefin.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.jspecify.annotations.Nullable;

/**
 * A TCP proxy on a loopback port in front of one server (PostgreSQL, a Kafka broker, a
 * service), through which a test injects network faults:
 * <ul>
 * <li>{@link #cut()}: the server is unreachable, as when it is down: new connections are
 * refused and open ones are reset;</li>
 * <li>{@link #blackhole()}: the network is partitioned: connections are accepted and stay
 * open, but no byte passes either way until {@link #restore()}, as when packets are
 * dropped and TCP keeps retransmitting;</li>
 * <li>{@link #delay(Duration)}: every chunk of bytes, either way, arrives that much
 * later;</li>
 * <li>{@link #restore()}: back to a clean link (the same port).</li>
 * </ul>
 * Each connection is relayed by two virtual threads with blocking sockets, which is
 * simpler than a selector loop and ample for tests. NetCrusher, which does the same, is
 * not in this build's Maven mirror.
 */
public final class TcpProxy implements AutoCloseable {

	private enum Mode {

		OPEN, CUT, BLACKHOLE

	}

	private volatile InetSocketAddress target;

	private final int port;

	private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();

	private final Set<Link> links = ConcurrentHashMap.newKeySet();

	private final Object lock = new Object();

	private volatile Mode mode = Mode.OPEN;

	private volatile Duration delay = Duration.ZERO;

	private @Nullable ServerSocket server;

	private boolean closed;

	/**
	 * Starts a proxy on a free loopback port, relaying to the given server.
	 */
	public TcpProxy(InetSocketAddress target) {
		this.target = target;
		try {
			this.server = listen(0);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start a TCP proxy in front of " + target, ex);
		}
		this.port = this.server.getLocalPort();
		accept(this.server);
	}

	/**
	 * Relays new connections to another server from now on: for a server that must know
	 * the proxy's port before it starts on a port of its own.
	 */
	void retarget(InetSocketAddress target) {
		this.target = target;
	}

	/**
	 * Starts a proxy in front of {@code host:port}.
	 */
	public static TcpProxy to(String hostAndPort) {
		int colon = hostAndPort.lastIndexOf(':');
		return new TcpProxy(new InetSocketAddress(hostAndPort.substring(0, colon),
				Integer.parseInt(hostAndPort.substring(colon + 1))));
	}

	/**
	 * The port clients connect to.
	 */
	public int port() {
		return this.port;
	}

	/**
	 * {@code 127.0.0.1:port}, the address clients connect to.
	 */
	public String address() {
		return "127.0.0.1:" + this.port;
	}

	/**
	 * How many relayed connections are open.
	 */
	public int openConnections() {
		return this.links.size();
	}

	/**
	 * Makes the server unreachable: connections are refused and the open ones reset.
	 */
	public void cut() {
		synchronized (this.lock) {
			this.mode = Mode.CUT;
			closeQuietly(this.server);
			this.server = null;
		}
		this.links.forEach(Link::reset);
	}

	/**
	 * Lets connections open but carries no bytes, either way, until {@link #restore()}.
	 */
	public void blackhole() {
		synchronized (this.lock) {
			this.mode = Mode.BLACKHOLE;
			ensureListening();
		}
	}

	/**
	 * Delays every chunk of bytes, either way, by the given time; zero for none.
	 */
	public void delay(Duration delay) {
		this.delay = delay;
	}

	/**
	 * A clean link again: listening, carrying bytes, without delay. Bytes held during a
	 * blackhole are delivered now.
	 */
	public void restore() {
		synchronized (this.lock) {
			this.delay = Duration.ZERO;
			this.mode = Mode.OPEN;
			ensureListening();
			this.lock.notifyAll();
		}
	}

	@Override
	public void close() {
		synchronized (this.lock) {
			this.closed = true;
			this.mode = Mode.CUT;
			closeQuietly(this.server);
			this.server = null;
			this.lock.notifyAll();
		}
		this.links.forEach(Link::reset);
		this.threads.shutdownNow();
	}

	private void ensureListening() {
		if (this.server == null && !this.closed) {
			try {
				this.server = listen(this.port);
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Could not listen on port " + this.port + " again", ex);
			}
			accept(this.server);
		}
	}

	private static ServerSocket listen(int port) throws IOException {
		ServerSocket socket = new ServerSocket();
		socket.setReuseAddress(true);
		socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 100);
		return socket;
	}

	private void accept(ServerSocket listening) {
		this.threads.submit(() -> {
			while (!listening.isClosed()) {
				Socket client;
				try {
					client = listening.accept();
				}
				catch (IOException ex) {
					return;
				}
				connect(client);
			}
		});
	}

	private void connect(Socket client) {
		this.threads.submit(() -> {
			Socket upstream = new Socket();
			try {
				upstream.connect(this.target, 5_000);
			}
			catch (IOException ex) {
				closeQuietly(upstream);
				closeQuietly(client);
				return;
			}
			Link link = new Link(client, upstream);
			this.links.add(link);
			if (this.mode == Mode.CUT) {
				link.reset();
				return;
			}
			this.threads.submit(() -> pump(link, client, upstream));
			this.threads.submit(() -> pump(link, upstream, client));
		});
	}

	private void pump(Link link, Socket from, Socket to) {
		byte[] buffer = new byte[16 * 1024];
		try {
			InputStream in = from.getInputStream();
			OutputStream out = to.getOutputStream();
			int read;
			while (awaitPassage() && (read = in.read(buffer)) != -1) {
				Duration lag = this.delay;
				if (!lag.isZero()) {
					Thread.sleep(lag);
				}
				if (!awaitPassage()) {
					break;
				}
				out.write(buffer, 0, read);
				out.flush();
			}
			if (this.mode == Mode.OPEN) {
				// the other side sees the end of the stream as this side sent it
				to.shutdownOutput();
				link.closeIfDone();
				return;
			}
		}
		catch (IOException | InterruptedException ex) {
			// the link broke, or the proxy closed
		}
		link.reset();
	}

	/**
	 * Waits while the link is blackholed.
	 * @return whether bytes may pass (false once cut)
	 */
	private boolean awaitPassage() throws InterruptedException {
		synchronized (this.lock) {
			while (this.mode == Mode.BLACKHOLE) {
				this.lock.wait();
			}
			return this.mode == Mode.OPEN;
		}
	}

	private static void closeQuietly(@Nullable AutoCloseable closeable) {
		if (closeable != null) {
			try {
				closeable.close();
			}
			catch (Exception ex) {
				// already gone
			}
		}
	}

	/**
	 * One relayed connection: the client's socket and ours to the server.
	 */
	private final class Link {

		private final Socket client;

		private final Socket upstream;

		private int ended;

		Link(Socket client, Socket upstream) {
			this.client = client;
			this.upstream = upstream;
		}

		/**
		 * Closes both sides with a reset (RST), as a crashed server or a dropped link
		 * does.
		 */
		void reset() {
			for (Socket socket : new Socket[] { this.client, this.upstream }) {
				try {
					socket.setSoLinger(true, 0);
				}
				catch (SocketException ex) {
					// already closed
				}
				closeQuietly(socket);
			}
			TcpProxy.this.links.remove(this);
		}

		/**
		 * Closes both sides once both directions have ended.
		 */
		synchronized void closeIfDone() {
			this.ended++;
			if (this.ended == 2) {
				closeQuietly(this.client);
				closeQuietly(this.upstream);
				TcpProxy.this.links.remove(this);
			}
		}

	}

}
