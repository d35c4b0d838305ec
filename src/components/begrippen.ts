/**
 * The begrippenlijst: the terms of the asylum chain as this site uses them, in plain Dutch, with where
 * the definition comes from. Used by the begrippen page, by the site search (observablehq.config.ts)
 * and by `linkTerms`, which links the first use of each term on a page to its definition.
 */

export interface Begrip {
  /** Anchor on the begrippen page. */
  id: string;
  term: string;
  /** Other spellings that count as a use of the term (lower case). */
  variants?: string[];
  definition: string;
  /** Where the definition comes from. */
  source: string;
}

export const BEGRIPPEN: Begrip[] = [
  {id: "instroom", term: "instroom", variants: ["asielinstroom"], definition: "Alle mensen die in een periode in Nederland een asielprocedure beginnen: eerste asielaanvragen, herhaalde aanvragen, nareizigers en hervestigde vluchtelingen. De MPP telt deze groepen samen als asielinstroom.", source: "IND, Asylum Trends; MPP (Kamerbrief april 2023)"},
  {id: "eerste-aanvraag", term: "eerste asielaanvraag", variants: ["eerste asielaanvragen", "eerste aanvragen"], definition: "De eerste asielaanvraag van iemand in Nederland. Een herhaalde aanvraag is een nieuwe aanvraag na een eerdere afwijzing.", source: "CBS, Asielverzoeken; IND"},
  {id: "nareis", term: "nareis", variants: ["nareizigers", "nareiziger"], definition: "Gezinsherenigingen met iemand die in Nederland een asielvergunning kreeg (de referent): echtgenoot en minderjarige kinderen kunnen hem of haar achterna reizen. Zij krijgen een afgeleide asielvergunning.", source: "IND; Vreemdelingenwet 2000, art. 29 lid 2"},
  {id: "referent", term: "referent", definition: "De persoon met een asielvergunning bij wie gezinsleden via nareis willen komen.", source: "IND"},
  {id: "taakstelling", term: "taakstelling", definition: "Het aantal vergunninghouders dat gemeenten per halfjaar moeten huisvesten, vastgesteld door het Rijk naar inwonertal.", source: "Rijksoverheid, Huisvesting vergunninghouders"},
  {id: "vergunninghouder", term: "vergunninghouder", variants: ["vergunninghouders", "statushouders", "statushouder"], definition: "Iemand die een asielvergunning heeft gekregen. Zolang er geen woning is, blijft hij of zij in de opvang van het COA.", source: "COA"},
  {id: "spoor-1", term: "spoor 1", definition: "Dublinzaken: een ander EU-land is verantwoordelijk voor de aanvraag; Nederland vraagt dat land de aanvrager over te nemen.", source: "IND, Asielprocedure (sporenbeleid)"},
  {id: "spoor-2", term: "spoor 2", definition: "Aanvragen van mensen uit een veilig land van herkomst of met een verblijfsvergunning in een ander EU-land; een versnelde procedure.", source: "IND, Asielprocedure (sporenbeleid)"},
  {id: "spoor-3", term: "spoor 3", definition: "Aanvragen met een grote kans op inwilliging (bijvoorbeeld Syriërs), beoordeeld in een kortere procedure.", source: "IND, Asielprocedure (sporenbeleid)"},
  {id: "spoor-4", term: "spoor 4", definition: "De algemene asielprocedure (AA) van acht dagen, zo nodig gevolgd door de verlengde asielprocedure (VA).", source: "IND, Asielprocedure (sporenbeleid)"},
  {id: "voorraad", term: "voorraad", variants: ["ind-voorraad"], definition: "Het aantal asielaanvragen waarover de IND op een datum nog niet heeft beslist.", source: "IND"},
  {id: "beslistermijn", term: "beslistermijn", definition: "De wettelijke termijn waarbinnen de IND op een asielaanvraag moet beslissen: zes maanden, in bepaalde gevallen verlengd tot vijftien maanden.", source: "Vreemdelingenwet 2000, art. 42"},
  {id: "dwangsom", term: "dwangsom", variants: ["dwangsommen"], definition: "Een bedrag dat de IND aan de aanvrager moet betalen als zij na een ingebrekestelling niet op tijd beslist.", source: "Algemene wet bestuursrecht, art. 4:17; Vreemdelingenwet 2000"},
  {id: "doorlooptijd", term: "doorlooptijd", definition: "De tijd tussen de asielaanvraag en de beslissing van de IND.", source: "IND"},
  {id: "bezetting", term: "bezetting", definition: "Het aantal mensen dat op een datum in de opvang van het COA verblijft.", source: "COA"},
  {id: "bezettingsgraad", term: "bezettingsgraad", definition: "Het deel van de opvangplekken dat bezet kan worden; een deel blijft leeg voor wisselingen, gezinnen en renovatie.", source: "COA, capaciteitsbesluit"},
  {id: "capaciteitsbehoefte", term: "capaciteitsbehoefte", variants: ["benodigde plekken"], definition: "Het aantal opvangplekken dat nodig is: de bezetting gedeeld door de bezettingsgraad.", source: "COA; Uitvoeringsagenda Flexibilisering Asielketen"},
  {id: "noodopvang", term: "noodopvang", variants: ["crisisnoodopvang"], definition: "Tijdelijke opvang buiten de reguliere COA-locaties, vaak door gemeenten, die duurder is per persoon. Crisisnoodopvang is de meest tijdelijke vorm.", source: "COA; Veiligheidsberaad"},
  {id: "opvang", term: "opvang", variants: ["coa-opvang"], definition: "Onderdak en begeleiding van asielzoekers door het Centraal Orgaan opvang asielzoekers (COA), van aanvraag tot vertrek of huisvesting.", source: "COA"},
  {id: "uitstroom", term: "uitstroom", definition: "Mensen die de opvang verlaten: vergunninghouders naar een woning, afgewezen asielzoekers door vertrek.", source: "COA; DT&V"},
  {id: "inwilliging", term: "inwilliging", variants: ["inwilligingen", "inwilligingspercentage"], definition: "Een beslissing van de IND die de aanvrager een asielvergunning geeft. Het inwilligingspercentage is het aandeel inwilligingen in alle beslissingen.", source: "IND; Eurostat"},
  {id: "eurostat-achtig", term: "Eurostat-achtig", variants: ["eurostat-achtige"], definition: "Een inwilligingspercentage berekend zoals Eurostat dat doet: alle positieve eerste-aanlegbeslissingen (vluchtelingenstatus, subsidiaire en humanitaire bescherming) gedeeld door alle eerste-aanlegbeslissingen. Het wijkt daardoor af van percentages die alleen de algemene procedure tellen.", source: "Eurostat, migr_asydcfsta (methodologie)"},
  {id: "tweestatusstelsel", term: "tweestatusstelsel", definition: "Een asielstelsel met twee soorten vergunning: een voor vluchtelingen (Vluchtelingenverdrag) en een voor subsidiair beschermden, elk met eigen rechten, bijvoorbeeld voor nareis.", source: "Wetsvoorstel invoering tweestatusstelsel (2024)"},
  {id: "amv", term: "amv", variants: ["alleenstaande minderjarige vreemdeling", "alleenstaande minderjarigen"], definition: "Alleenstaande minderjarige vreemdeling: een asielzoeker onder de 18 zonder ouders in Nederland. Nidos is hun voogd.", source: "Nidos; IND"},
  {id: "hervestiging", term: "hervestiging", definition: "Vluchtelingen die Nederland via de UNHCR uit een eerste opvangland overneemt.", source: "UNHCR; Rijksoverheid"},
  {id: "mpp", term: "MPP", variants: ["meerjarige productieprognose"], definition: "De Meerjarige Productieprognose van het ministerie van Justitie en Veiligheid: de scenario's voor instroom waarop de keten haar capaciteit plant.", source: "Ministerie van JenV"},
  {id: "band", term: "P10–P90-band", variants: ["onzekerheidsband"], definition: "Het gebied waarin 80% van 1.000 modelruns valt wanneer de onzekere aannames binnen hun bereik variëren. Het toont parameteronzekerheid, geen voorspelfout.", source: "Asielketen Verkenner, ketenmodel"},
  {id: "waargenomen", term: "waargenomen", definition: "Een cijfer dat een bron heeft gemeten en gepubliceerd.", source: "Asielketen Verkenner"},
  {id: "afgeleid", term: "afgeleid", definition: "Een cijfer dat wij uit waarnemingen hebben berekend, bijvoorbeeld een jaartotaal of een aandeel.", source: "Asielketen Verkenner"},
  {id: "gemodelleerd", term: "gemodelleerd", definition: "Een uitkomst van het ketenmodel onder de gekozen aannames: geen feit en geen voorspelling.", source: "Asielketen Verkenner"},
  {id: "aanname", term: "aanname", variants: ["aannames"], definition: "Een waarde die het model aanneemt omdat zij niet (volledig) is gemeten, met een onderbouwing en een plausibel bereik.", source: "Asielketen Verkenner"},
  {id: "beleidsknop", term: "beleidsknop", variants: ["beleidsknoppen"], definition: "Een instelling die beleid kan veranderen, zoals de capaciteit van de IND of het aantal noodopvangplekken.", source: "Asielketen Verkenner"}
];

/** The words of a term and its variants, lower case, longest first (so "spoor 1" wins over "spoor"). */
function patterns(begrip: Begrip): string[] {
  return [begrip.term, ...(begrip.variants ?? [])].map((w) => w.toLowerCase()).sort((a, b) => b.length - a.length);
}

/**
 * Links the first use of each term in the running text of `root` (paragraphs and list items, not
 * headings, links, controls or charts) to its definition on the begrippen page. Text only: splits text
 * nodes, never sets HTML.
 */
export function linkTerms(root: Element, {href = "./begrippen", terms = BEGRIPPEN}: {href?: string; terms?: Begrip[]} = {}): number {
  const done = new Set<string>();
  let linked = 0;
  const blocks = root.querySelectorAll("p, li");
  for (const block of blocks) {
    if (block.closest("a, button, label, figure, form, nav, .kind, .no-begrip, summary, h1, h2, h3, h4")) continue;
    const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
    const nodes: Text[] = [];
    for (let n = walker.nextNode(); n; n = walker.nextNode()) if (!(n.parentElement?.closest("a, button, .kind, code"))) nodes.push(n as Text);
    for (const node of nodes) {
      for (const begrip of terms) {
        if (done.has(begrip.id)) continue;
        const lower = node.data.toLowerCase();
        for (const word of patterns(begrip)) {
          const i = findWord(lower, word);
          if (i < 0) continue;
          const rest = node.splitText(i);
          rest.splitText(word.length);
          const a = document.createElement("a");
          a.className = "begrip";
          a.href = `${href}#${begrip.id}`;
          a.title = begrip.definition;
          a.textContent = rest.data;
          rest.replaceWith(a);
          done.add(begrip.id);
          linked++;
          break;
        }
        if (done.has(begrip.id)) break; // the node was split; its remainder is visited no further
      }
    }
  }
  return linked;
}

/** Index of `word` in `text` as a whole word (letters on neither side), or −1. */
function findWord(text: string, word: string): number {
  let from = 0;
  for (;;) {
    const i = text.indexOf(word, from);
    if (i < 0) return -1;
    const before = text[i - 1];
    const after = text[i + word.length];
    if (!(before && /\p{L}/u.test(before)) && !(after && /\p{L}/u.test(after))) return i;
    from = i + 1;
  }
}
