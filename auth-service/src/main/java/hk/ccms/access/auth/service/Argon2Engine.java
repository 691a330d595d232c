package hk.ccms.access.auth.service;

/** Computes raw Argon2id output; one implementation per library, chosen by measurement. */
public interface Argon2Engine {

    byte[] derive(byte[] password, byte[] salt, int memoryKib, int iterations, int parallelism, int length);

    String name();
}
