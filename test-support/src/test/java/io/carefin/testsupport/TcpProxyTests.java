package io.carefin.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The proxy in front of an echo server: what passes, and what each fault does to a
 * client's connections.
 */
class TcpProxyTests {

	private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();

	private final ServerSocket echo = echoServer();

	private final TcpProxy proxy = new TcpProxy(
			new InetSocketAddress(InetAddress.getLoopbackAddress(), this.echo.getLocalPort()));

	@AfterEach
	void close() throws IOException {
		this.proxy.close();
		this.echo.close();
		this.threads.shutdownNow();
	}

	@Test
	void relaysBothWays() throws IOException {
		try (Socket client = connect()) {
			assertThat(roundTrip(client, "hello")).isEqualTo("hello");
			assertThat(roundTrip(client, "again")).isEqualTo("again");
		}
	}

	@Test
	void cutResetsOpenConnectionsAndRefusesNewOnesUntilRestored() throws IOException {
		try (Socket open = connect()) {
			assertThat(roundTrip(open, "before")).isEqualTo("before");

			this.proxy.cut();

			assertThatThrownBy(() -> {
				// the reset shows on the next read, or on a write soon after
				for (int i = 0; i < 10; i++) {
					if (roundTrip(open, "during") == null) {
						throw new IOException("end of stream");
					}
				}
			}).isInstanceOf(IOException.class);
		}
		assertThatExceptionOfType(ConnectException.class).isThrownBy(this::connect);

		this.proxy.restore();

		try (Socket again = connect()) {
			assertThat(again.getPort()).isEqualTo(this.proxy.port());
			assertThat(roundTrip(again, "after")).isEqualTo("after");
		}
	}

	@Test
	void blackholeCarriesNothingUntilRestoredThenDeliversWhatWasHeld() throws IOException {
		try (Socket client = connect()) {
			this.proxy.blackhole();
			// a connection made during the blackhole opens, but is as silent
			try (Socket late = connect()) {
				client.setSoTimeout(500);
				late.setSoTimeout(500);
				client.getOutputStream().write("held".getBytes(StandardCharsets.UTF_8));
				late.getOutputStream().write("late".getBytes(StandardCharsets.UTF_8));
				assertThatExceptionOfType(SocketTimeoutException.class).isThrownBy(() -> read(client, 4));
				assertThatExceptionOfType(SocketTimeoutException.class).isThrownBy(() -> read(late, 4));

				this.proxy.restore();

				client.setSoTimeout(5_000);
				late.setSoTimeout(5_000);
				assertThat(read(client, 4)).isEqualTo("held");
				assertThat(read(late, 4)).isEqualTo("late");
			}
		}
	}

	@Test
	void delayHoldsEachChunkEachWay() throws IOException {
		try (Socket client = connect()) {
			this.proxy.delay(Duration.ofMillis(300));
			long started = System.nanoTime();
			assertThat(roundTrip(client, "slow")).isEqualTo("slow");
			assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(600));

			this.proxy.restore();
			started = System.nanoTime();
			assertThat(roundTrip(client, "fast")).isEqualTo("fast");
			assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(300));
		}
	}

	private Socket connect() throws IOException {
		Socket socket = new Socket();
		socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), this.proxy.port()), 2_000);
		socket.setSoTimeout(5_000);
		return socket;
	}

	private static String roundTrip(Socket socket, String text) throws IOException {
		socket.getOutputStream().write(text.getBytes(StandardCharsets.UTF_8));
		return read(socket, text.length());
	}

	private static String read(Socket socket, int length) throws IOException {
		byte[] bytes = socket.getInputStream().readNBytes(length);
		return (bytes.length < length) ? null : new String(bytes, StandardCharsets.UTF_8);
	}

	private ServerSocket echoServer() {
		try {
			ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
			this.threads.submit(() -> {
				while (!server.isClosed()) {
					Socket accepted = server.accept();
					this.threads.submit(() -> {
						try (accepted; InputStream in = accepted.getInputStream()) {
							in.transferTo(accepted.getOutputStream());
						}
						return null;
					});
				}
				return null;
			});
			return server;
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
