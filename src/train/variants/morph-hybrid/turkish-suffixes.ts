/**
 * Turkish affix allomorph sets, one shared id per set, as data. Source: the suffix tables of the
 * Turkish Morphology-Aware Segmentation Dataset (Yılmaz & Arıbaş, CC BY-SA 4.0; SUFFIX_TABLES.md in
 * ../shared/data/turkish-morph, §1–6), plus the participle/converb suffixes every Turkish grammar lists
 * (-DIK, -(y)An, -(y)ArAk, -(y)Ip, -(y)IncA, -ken, -DAki) and the diminutive -CIk of the reference
 * tokenizer's ekler.json (spec §5.1).
 *
 * Differences from the tables, so decoding can pick the surface from phonology alone:
 * - a buffered variant (y-, n-, s-) gets its own set (yla/yle apart from la/le, ydı… apart from dı…):
 *   after a vowel both occur (arabayla vs. başla), so one id could not be realized unambiguously;
 * - every set starts either with a vowel or with a consonant in all its surfaces (the realizer of the
 *   previous token asks "does the next token start with a vowel?");
 * - a surface is listed once; the first set that lists it keeps it.
 */
const SETS = `
lar ler
ları leri
ların lerin
ım im um üm
ın in un ün
ı i u ü
sı si su sü
ımız imiz umuz ümüz
ınız iniz unuz ünüz
mız miz muz müz
nız niz nuz nüz
m
n
k
da de ta te
nda nde nta nte
dan den tan ten
ndan nden ntan nten
daki deki taki teki
ndaki ndeki
nın nin nun nün
yı yi yu yü
nı ni nu nü
ya ye
na ne
a e
la le
yla yle
ca ce ça çe
ki kü
lık lik luk lük lığ liğ luğ lüğ
cı ci cu cü çı çi çu çü
sız siz suz süz
lı li lu lü
cık cik cuk cük çık çik çuk çük cığ ciğ cuğ cüğ çığ çiğ çuğ çüğ
mı mi mu mü
mısın misin musun müsün
mıyım miyim muyum müyüm
mıyız miyiz muyuz müyüz
mısınız misiniz musunuz müsünüz
dı di du dü tı ti tu tü
ydı ydi ydu ydü
mış miş muş müş
ymış ymiş ymuş ymüş
sa se
ysa yse
dır dir dur dür tır tir tur tür
ız iz uz üz
sın sin sun sün
sınız siniz sunuz sünüz
sınlar sinler sunlar sünler
ıl il ul ül
lan len
ış iş uş üş
t
abil ebil
yabil yebil
ma me
mak mek
ıyor iyor uyor üyor
yor
acak ecek acağ eceğ
yacak yecek yacağ yeceğ
ır ir ur ür
ar er
r
dık dik duk dük tık tik tuk tük dığ diğ duğ düğ tığ tiğ tuğ tüğ
an en
yan yen
arak erek
yarak yerek
ıp ip up üp
yıp yip yup yüp
ınca ince unca ünce
yınca yince yunca yünce
ken
alım elim
sam sem
san sen
sak sek
sanız seniz
malı meli
`;

/** The sets, canonical surface first, duplicates across sets removed (first set wins). */
export function turkishSuffixSets(): string[][] {
  const seen = new Set<string>();
  const out: string[][] = [];
  for (const line of SETS.split('\n')) {
    const set = line.trim().split(/\s+/u).filter((s) => s !== '' && !seen.has(s));
    for (const s of set) seen.add(s);
    if (set.length > 0) out.push(set);
  }
  return out;
}
