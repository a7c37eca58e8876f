require "nokogiri"

class ImportController < ApplicationController
  def create
    # ruleid: ruby-xxe
    doc = Nokogiri::XML(request.body.read) { |config| config.noent }
  end

  def with_dtd
    # ruleid: ruby-xxe
    doc = Nokogiri::XML(request.body.read, nil, nil, Nokogiri::XML::ParseOptions::NOENT)
  end

  def libxml
    # ruleid: ruby-xxe
    LibXML::XML.default_substitute_entities = true
  end

  def safe
    # ok: ruby-xxe
    doc = Nokogiri::XML(request.body.read) { |config| config.strict.nonet }
    # ok: ruby-xxe
    doc = Nokogiri::XML(request.body.read)
  end
end
