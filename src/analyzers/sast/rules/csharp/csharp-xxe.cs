using System.Xml;

public class XmlImporter
{
    public XmlDocument Load(Stream input)
    {
        var settings = new XmlReaderSettings();
        // ruleid: csharp-xxe
        settings.DtdProcessing = DtdProcessing.Parse;
        var doc = new XmlDocument();
        // ruleid: csharp-xxe
        doc.XmlResolver = new XmlUrlResolver();
        doc.Load(XmlReader.Create(input, settings));
        return doc;
    }

    public XmlReader Initializer(Stream input)
    {
        // ruleid: csharp-xxe
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Parse };
        return XmlReader.Create(input, settings);
    }

    public void Legacy(Stream input)
    {
        var reader = new XmlTextReader(input);
        // ruleid: csharp-xxe
        reader.ProhibitDtd = false;
    }

    public XmlReader Safe(Stream input)
    {
        var settings = new XmlReaderSettings();
        // ok: csharp-xxe
        settings.DtdProcessing = DtdProcessing.Prohibit;
        // ok: csharp-xxe
        settings.XmlResolver = null;
        return XmlReader.Create(input, settings);
    }
}
