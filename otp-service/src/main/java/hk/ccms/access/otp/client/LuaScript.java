package hk.ccms.access.otp.client;

import io.quarkus.redis.datasource.RedisDataSource;
import io.vertx.mutiny.redis.client.Response;
import io.vertx.redis.client.Command;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * A Lua script run by its SHA-1 (EVALSHA) and, when the server does not know it yet (first use,
 * or a Redis restart emptied the script cache), by its source (EVAL), which also caches it.
 */
final class LuaScript {

    private final String source;
    private final String sha1;

    private LuaScript(String source) {
        this.source = source;
        this.sha1 = sha1(source);
    }

    static LuaScript fromResource(String name) {
        try (InputStream in = LuaScript.class.getClassLoader().getResourceAsStream("redis/" + name)) {
            if (in == null) {
                throw new IllegalStateException("Missing Lua script redis/" + name);
            }
            return new LuaScript(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Response run(RedisDataSource redis, List<String> keys, List<String> args) {
        try {
            return redis.execute(Command.EVALSHA, arguments(sha1, keys, args));
        } catch (RuntimeException e) {
            if (!RedisFailures.isErrorReply(e, "NOSCRIPT")) {
                throw e;
            }
            return redis.execute(Command.EVAL, arguments(source, keys, args));
        }
    }

    private static String[] arguments(String script, List<String> keys, List<String> args) {
        List<String> arguments = new ArrayList<>(2 + keys.size() + args.size());
        arguments.add(script);
        arguments.add(Integer.toString(keys.size()));
        arguments.addAll(keys);
        arguments.addAll(args);
        return arguments.toArray(String[]::new);
    }

    private static String sha1(String source) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(source.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
