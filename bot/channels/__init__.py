"""Channel adapters: how replies travel to WeChat and to web pages."""
