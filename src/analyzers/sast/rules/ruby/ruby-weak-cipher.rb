require "openssl"

class Vault
  def legacy
    # ruleid: ruby-weak-cipher
    des = OpenSSL::Cipher.new("des-ede3-cbc")
    # ruleid: ruby-weak-cipher
    ecb = OpenSSL::Cipher.new("aes-128-ecb")
    # ruleid: ruby-weak-cipher
    rc4 = OpenSSL::Cipher.new("RC4")
  end

  def modern
    # ok: ruby-weak-cipher
    gcm = OpenSSL::Cipher.new("aes-256-gcm")
    # ok: ruby-weak-cipher
    cbc = OpenSSL::Cipher.new("aes-256-cbc")
  end
end
