import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A stand-in service and token issuer for the gateway benchmark: answers every path with a
 * small JSON body, serves its RS256 key at /jwks.json and a token for it at /token. Run with
 * {@code java StubService.java <port>}.
 */
public class StubService {

	public static void main(String[] args) throws Exception {
		int port = Integer.parseInt(args[0]);
		String issuer = "http://127.0.0.1:" + port;
		KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
		generator.initialize(2048);
		KeyPair keys = generator.generateKeyPair();
		RSAPublicKey publicKey = (RSAPublicKey) keys.getPublic();
		byte[] jwks = ("{\"keys\":[{\"kty\":\"RSA\",\"use\":\"sig\",\"alg\":\"RS256\",\"kid\":\"bench\",\"n\":\""
				+ base64(unsigned(publicKey.getModulus())) + "\",\"e\":\"" + base64(unsigned(publicKey.getPublicExponent()))
				+ "\"}]}")
			.getBytes(StandardCharsets.UTF_8);
		String header = base64("{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"bench\"}".getBytes(StandardCharsets.UTF_8));
		long now = Instant.now().getEpochSecond();
		String claims = base64(("{\"iss\":\"" + issuer + "\",\"sub\":\"bench-user\",\"aud\":\"carefin-api\",\"iat\":" + now
				+ ",\"exp\":" + (now + 3600) + ",\"roles\":[\"PRACTICE_USER\"]}")
			.getBytes(StandardCharsets.UTF_8));
		Signature signer = Signature.getInstance("SHA256withRSA");
		signer.initSign(keys.getPrivate());
		signer.update((header + "." + claims).getBytes(StandardCharsets.US_ASCII));
		byte[] token = (header + "." + claims + "." + base64(signer.sign())).getBytes(StandardCharsets.US_ASCII);
		byte[] answer = "{\"id\":\"42\",\"status\":\"OPEN\",\"balance\":\"1234.56\"}".getBytes(StandardCharsets.UTF_8);

		HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 1024);
		server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
		server.createContext("/jwks.json", (exchange) -> send(exchange, jwks));
		server.createContext("/token", (exchange) -> send(exchange, token));
		server.createContext("/", (exchange) -> send(exchange, answer));
		server.start();
		System.out.println("stub service and issuer " + issuer + " ready");
	}

	private static void send(HttpExchange exchange, byte[] body) throws IOException {
		exchange.getRequestBody().readAllBytes();
		exchange.getResponseHeaders().add("Content-Type", "application/json");
		exchange.sendResponseHeaders(200, body.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(body);
		}
	}

	private static byte[] unsigned(BigInteger value) {
		byte[] bytes = value.toByteArray();
		return (bytes[0] == 0) ? Arrays.copyOfRange(bytes, 1, bytes.length) : bytes;
	}

	private static String base64(byte[] bytes) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

}
