# -*- encoding: utf-8 -*-

Gem::Specification.new do |s|
  s.name = %q{oldlib}
  s.version = "0.1.0"
  s.license = 'GPL-2'
  s.summary = %q{An old library}
end
