require "net/ldap"

class DirectoryController < ApplicationController
  def lookup
    ldap = Net::LDAP.new(host: "ldap.example.com")
    # ruleid: ruby-ldap-injection
    filter = Net::LDAP::Filter.construct("(uid=#{params[:user]})")
    ldap.search(base: "dc=example,dc=com", filter: filter)
  end

  def search
    ldap = Net::LDAP.new(host: "ldap.example.com")
    q = "(&(objectClass=person)(cn=" + params[:name] + "))"
    # ruleid: ruby-ldap-injection
    ldap.search(base: "dc=example,dc=com", filter: q)
  end

  def safe
    ldap = Net::LDAP.new(host: "ldap.example.com")
    # ok: ruby-ldap-injection
    ldap.search(base: "dc=example,dc=com", filter: Net::LDAP::Filter.eq("uid", params[:user]))
    escaped = Net::LDAP::Filter.escape(params[:name])
    # ok: ruby-ldap-injection
    filter = Net::LDAP::Filter.construct("(cn=#{escaped})")
  end

  def collection
    ldap = Net::LDAP.new(host: "ldap.example.com")
    parts = ["(objectClass=person)"]
    parts << "(mail=#{params[:mail]})"
    # ruleid: ruby-ldap-injection
    ldap.search(base: "dc=example,dc=com", filter: "(&#{parts.join})")
  end

  def via_helper
    ldap = Net::LDAP.new(host: "ldap.example.com")
    # ruleid: ruby-ldap-injection
    ldap.search(base: "dc=example,dc=com", filter: group_filter(params[:group]))
  end

  private

  def group_filter(group)
    "(memberOf=cn=#{group},ou=groups,dc=example,dc=com)"
  end
end
