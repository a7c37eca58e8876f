require "yaml"
require "base64"

class StateController < ApplicationController
  def restore
    raw = Base64.decode64(cookies[:state])
    # ruleid: ruby-unsafe-deserialization
    @state = Marshal.load(raw)
  end

  def import
    # ruleid: ruby-unsafe-deserialization
    config = YAML.unsafe_load(request.body.read)
  end

  def legacy
    # ruleid: ruby-unsafe-deserialization
    data = YAML.load(params[:yaml])
  end

  def via_helper
    decode_blob(params[:blob])
  end

  def safe
    # ok: ruby-unsafe-deserialization
    data = JSON.parse(request.body.read)
    # ok: ruby-unsafe-deserialization
    config = YAML.safe_load(params[:yaml], permitted_classes: [Date])
    # ok: ruby-unsafe-deserialization
    cache = Marshal.load(File.binread("tmp/cache.bin"))
  end

  private

  def decode_blob(blob)
    # ruleid: ruby-unsafe-deserialization
    Marshal.load(Base64.strict_decode64(blob))
  end
end
