[assembly: System.Resources.NeutralResourcesLanguage("en")]
