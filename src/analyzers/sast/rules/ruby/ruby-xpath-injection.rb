require "nokogiri"

class CatalogController < ApplicationController
  DOC = Nokogiri::XML(File.read("catalog.xml"))

  def login
    # ruleid: ruby-xpath-injection
    user = DOC.at_xpath("//user[name='#{params[:user]}' and password='#{params[:pass]}']")
  end

  def item
    expr = "//item[@id='" + params[:id] + "']"
    # ruleid: ruby-xpath-injection
    DOC.xpath(expr)
  end

  def safe
    # ok: ruby-xpath-injection
    DOC.xpath("//user[name=$name]", nil, name: params[:user])
    # ok: ruby-xpath-injection
    DOC.xpath("//item[@active='true']")
  end

  def collection
    conds = []
    conds << "@owner='#{params[:owner]}'"
    # ruleid: ruby-xpath-injection
    DOC.xpath("//order[#{conds.join(' and ')}]")
  end

  def via_helper
    find_by_tag(params[:tag])
  end

  private

  def find_by_tag(tag)
    # ruleid: ruby-xpath-injection
    DOC.xpath("//" + tag)
  end
end
