# frozen_string_literal: true

require_relative "lib/mygem/version"

Gem::Specification.new do |spec|
  spec.name = "mygem"
  spec.version = Mygem::VERSION
  spec.authors = ["Ada Example"]
  spec.email = ["ada@example.com"]

  spec.summary = "Does one small thing well."
  spec.homepage = "https://example.com/mygem"
  spec.licenses = %w[MIT Apache-2.0]
  spec.required_ruby_version = ">= 3.0.0"

  spec.files = Dir["lib/**/*.rb"]
  spec.add_dependency "zeitwerk", "~> 2.6"
end
